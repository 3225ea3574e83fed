// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Extensions.Options;

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
    }
}
