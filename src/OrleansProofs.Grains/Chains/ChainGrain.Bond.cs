// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Ledger;

namespace OrleansProofs.Grains.Chains;

/// <summary>
/// The registration bond (docs/ledger.md): registering a chain moves ConsensusParameters.RegistrationBond
/// from the prover's account (<see cref="ProverAccount"/>) into a bond whose id is derived from the chain
/// id, so a retried registration finds its bond instead of taking a second; the bond is released when
/// the chain's removal completes. A prover that cannot post it gets <see cref="RegistrationBondException"/>
/// and the chain is neither registered nor enrolled.
/// </summary>
internal sealed partial class ChainGrain
{
    /// <summary>The registration bond's id (and create movement id) of <paramref name="chainId"/>.</summary>
    public static string RegistrationBondId(Hash32 chainId) => "bond/registration/" + chainId;

    /// <summary>The release movement id of <paramref name="chainId"/>'s registration bond.</summary>
    public static string RegistrationReleaseId(Hash32 chainId) => "release/registration/" + chainId;

    private ITokenLedger Ledger => ServiceProvider.GetRequiredService<ITokenLedger>();

    private string Account => ProverAccount.Of(node.Key.PublicKey);

    /// <summary>
    /// Refuses early (before the replica is encoded) when the account cannot cover the bond and this
    /// chain holds none yet; <see cref="PostRegistrationBondAsync"/> decides for good.
    /// </summary>
    /// <exception cref="RegistrationBondException">The balance is below the bond.</exception>
    private async Task CheckRegistrationBondAsync()
    {
        if (await Ledger.GetBondAsync(RegistrationBondId(_chainId)) is { State: BondState.Active })
        {
            return;
        }

        ulong balance = await Ledger.GetBalanceAsync(Account);
        if (balance < node.Parameters.RegistrationBond)
        {
            throw InsufficientBond(balance);
        }
    }

    /// <summary>Posts the registration bond (idempotent by its id).</summary>
    /// <exception cref="RegistrationBondException">The ledger refused the bond; nothing moved.</exception>
    private async Task PostRegistrationBondAsync()
    {
        LedgerResult result = await Ledger.CreateBondAsync(RegistrationBondId(_chainId), Account, BondPurpose.ChainRegistration, node.Parameters.RegistrationBond);
        if (result.Succeeded)
        {
            if (result.Outcome == LedgerOutcome.Applied)
            {
                LogBondPosted(logger, _chainId, node.Parameters.RegistrationBond, Account);
            }

            return;
        }

        throw result.Rejection == LedgerRejection.InsufficientBalance
            ? InsufficientBond(await Ledger.GetBalanceAsync(Account))
            : new RegistrationBondException($"The registration bond of chain {_chainId} was refused by the ledger ({result.Rejection}): {result.Detail}");
    }

    /// <summary>
    /// Releases the registration bond once the removal completed. A chain registered before bonds
    /// existed has none (nothing to release); any other refusal is logged, since the bond is settled.
    /// </summary>
    private async Task ReleaseRegistrationBondAsync()
    {
        LedgerResult result = await Ledger.ReleaseBondAsync(RegistrationReleaseId(_chainId), RegistrationBondId(_chainId));
        if (result.Outcome == LedgerOutcome.Applied)
        {
            LogBondReleased(logger, _chainId, result.Entry!.Amount, Account);
        }
        else if (result.Outcome == LedgerOutcome.Rejected)
        {
            LogBondNotReleased(logger, _chainId, result.Rejection, result.Detail);
        }
    }

    private RegistrationBondException InsufficientBond(ulong balance) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Registering chain {_chainId} needs a registration bond of {node.Parameters.RegistrationBond} token units from account {Account}, which holds {balance}; nothing was registered."));

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {ChainId}: registration bond of {Amount} posted from {Account}")]
    private static partial void LogBondPosted(ILogger logger, Hash32 chainId, ulong amount, string account);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {ChainId}: registration bond of {Amount} released to {Account}")]
    private static partial void LogBondReleased(ILogger logger, Hash32 chainId, ulong amount, string account);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain {ChainId}: registration bond not released ({Rejection}): {Detail}")]
    private static partial void LogBondNotReleased(ILogger logger, Hash32 chainId, LedgerRejection rejection, string? detail);
}
