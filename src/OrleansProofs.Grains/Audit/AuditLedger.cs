// SPDX-License-Identifier: MIT

using System.Globalization;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// Rewards and slashes through the ledger adapter (the layer-1 token contract), with movement ids derived
/// from what the movement is for, so a re-audit of the same block (a retry, a restart) moves nothing twice.
/// The prover's ledger account is its public key in hex.
/// </summary>
internal sealed class AuditLedger(ITokenLedger ledger)
{
    /// <summary>
    /// The reward's movement id: <c>availability/{height}/{index}/{H(verifier ‖ prover)}</c> — the hash keeps it
    /// under the ledger's 128 characters while binding both keys in full (a prefix could be ground to collide).
    /// </summary>
    public static string RewardMovementId(ProverPublicKey verifier, ProverPublicKey prover, ulong height, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"availability/{height}/{index}/{Pair(verifier, prover)}");

    /// <summary>The slash's movement id: <c>audit-slash/{height}/{H(verifier ‖ prover)}</c> (at most one per block).</summary>
    public static string SlashMovementId(ProverPublicKey verifier, ProverPublicKey prover, ulong height) =>
        string.Create(CultureInfo.InvariantCulture, $"audit-slash/{height}/{Pair(verifier, prover)}");

    /// <summary>The prover's ledger account: its public key in hex.</summary>
    public static string AccountOf(ProverPublicKey prover) => prover.ToString();

    /// <summary>Pays the availability reward for challenge <paramref name="index"/> at <paramref name="height"/>; the ledger's answer.</summary>
    public Task<LedgerResult> RewardAsync(ProverPublicKey verifier, ProverPublicKey prover, ulong height, int index, ulong amount) =>
        ledger.PayRewardAsync(RewardMovementId(verifier, prover, height, index), AccountOf(prover), amount, LedgerReason.AvailabilityChallenge);

    /// <summary>
    /// Slashes up to <paramref name="penalty"/> of the prover's active bond (a checkpoint bond first, then the
    /// largest): the slash result, or null when the prover holds no active bond (the slash is then only due;
    /// no tokens are invented).
    /// </summary>
    public async Task<LedgerResult?> SlashAsync(ProverPublicKey verifier, ProverPublicKey prover, ulong height, ulong penalty)
    {
        IReadOnlyList<LedgerBond> bonds = await ledger.GetBondsAsync(AccountOf(prover));
        LedgerBond? bond = bonds
            .Where(b => b.State == BondState.Active)
            .OrderByDescending(b => b.Purpose == BondPurpose.Checkpoint)
            .ThenByDescending(b => b.Amount)
            .ThenBy(b => b.BondId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (bond is null)
        {
            return null;
        }

        return await ledger.SlashBondAsync(SlashMovementId(verifier, prover, height), bond.BondId, Math.Min(penalty, bond.Amount), LedgerReason.FailedAuditThreshold);
    }

    /// <summary>
    /// Slashes <paramref name="penalty"/> (at most the bond) of the checkpoint bond <paramref name="bondId"/> a
    /// disputed checkpoint names, reason <see cref="LedgerReason.InvalidCheckpoint"/>, movement id
    /// <c>checkpoint-slash/{H(bond id)}</c> (one slash per bond, whichever verifier finds it first): the
    /// result, or null when the id is not an active checkpoint bond of <paramref name="prover"/>.
    /// </summary>
    public async Task<LedgerResult?> SlashCheckpointAsync(ProverPublicKey prover, string bondId, ulong penalty)
    {
        if (await ledger.GetBondAsync(bondId) is not { Purpose: BondPurpose.Checkpoint } bond || bond.Account != AccountOf(prover))
        {
            return null;
        }

        string movementId = "checkpoint-slash/" + Sha256.Hash(System.Text.Encoding.UTF8.GetBytes(bondId));
        return await ledger.SlashBondAsync(movementId, bondId, Math.Min(penalty, bond.Amount), LedgerReason.InvalidCheckpoint);
    }

    private static string Pair(ProverPublicKey verifier, ProverPublicKey prover)
    {
        Span<byte> both = stackalloc byte[64];
        verifier.Bytes.CopyTo(both);
        prover.Bytes.CopyTo(both[32..]);
        return Sha256.Hash(both).ToString();
    }
}
