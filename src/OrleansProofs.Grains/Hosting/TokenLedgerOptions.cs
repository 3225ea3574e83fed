// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Extensions.Options;
using OrleansProofs.Grains.Ledger;

namespace OrleansProofs.Grains.Hosting;

/// <summary>
/// The token the node's ledger counts (configuration section <c>OrleansProofs:Ledger</c>). The ledger
/// stores integer base units only; the name and decimals say how to show them (1,000 base units with
/// 3 decimals are "1.000 name"), so changing them never changes a balance.
/// </summary>
public sealed class TokenLedgerOptions
{
    /// <summary>The most decimals: 10^18 base units still fit a balance (at most 2^63 − 1).</summary>
    public const int MaxDecimals = 18;

    /// <summary>The token's display name: 1 to 16 of A-Z a-z 0-9 _ -. Default "token".</summary>
    public string TokenName { get; set; } = "token";

    /// <summary>How many of the base units' digits are decimals, 0 to <see cref="MaxDecimals"/>. Default 0 (a base unit is one token).</summary>
    public int Decimals { get; set; }

    /// <summary>
    /// Development funding: base units credited to each account when the silo starts, once per
    /// (account, amount) — the credit's movement id is <c>dev-funding/{account}/{amount}</c>, so a restart
    /// replays it without effect and a changed amount credits the new amount once more. The reward pool
    /// (<c>$reward-pool</c>) may be funded this way. Only the node's own ledger honours it; a real
    /// chain's adapter has no credits. Default: none.
    /// </summary>
    public Dictionary<string, ulong> Funding { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What <see cref="NodeFunding"/> means when unset on a development network: enough for a million chain registrations.</summary>
    public const ulong DevNodeFunding = 1_000_000_000_000;

    /// <summary>
    /// Development funding of the node's own prover account (its public key in hex, which pays the
    /// node's registration and checkpoint bonds), credited once per amount at start like <see cref="Funding"/>.
    /// Null (the default) means <see cref="DevNodeFunding"/> when the node runs the "dev" profile or a
    /// parameter set named "dev-…", and nothing otherwise; 0 credits nothing.
    /// </summary>
    public ulong? NodeFunding { get; set; }

    /// <summary><paramref name="baseUnits"/> as a decimal amount with the token's name, for logs and documents ("1.000 token").</summary>
    public string Format(ulong baseUnits)
    {
        if (Decimals == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{baseUnits} {TokenName}");
        }

        string digits = baseUnits.ToString(CultureInfo.InvariantCulture).PadLeft(Decimals + 1, '0');
        return string.Create(CultureInfo.InvariantCulture, $"{digits[..^Decimals]}.{digits[^Decimals..]} {TokenName}");
    }
}

/// <summary>Refuses to start a silo whose <see cref="TokenLedgerOptions"/> are invalid, naming the setting.</summary>
internal sealed class TokenLedgerOptionsValidator(IOptions<TokenLedgerOptions> options) : IConfigurationValidator
{
    /// <inheritdoc/>
    public void ValidateConfiguration()
    {
        TokenLedgerOptions value = options.Value;
        string name = value.TokenName ?? string.Empty;
        if (name.Length is < 1 or > 16 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new OrleansConfigurationException($"TokenLedgerOptions.TokenName must be 1 to 16 of A-Z a-z 0-9 _ -; got '{name}'.");
        }

        if (value.Decimals is < 0 or > TokenLedgerOptions.MaxDecimals)
        {
            throw new OrleansConfigurationException($"TokenLedgerOptions.Decimals must be 0 to {TokenLedgerOptions.MaxDecimals}; got {value.Decimals}.");
        }

        foreach ((string account, ulong amount) in value.Funding)
        {
            try
            {
                _ = LedgerRequest.Credit(TokenLedgerFunding.MovementId(account, amount), account, amount);
            }
            catch (ArgumentException error)
            {
                throw new OrleansConfigurationException($"TokenLedgerOptions.Funding:{account} is not a valid credit: {error.Message}", error);
            }
        }
    }
}
