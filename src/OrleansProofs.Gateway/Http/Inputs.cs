// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Gateway.Http;

/// <summary>Parses route, query and body values; each failure is a 400 problem naming the field.</summary>
internal static class Inputs
{
    /// <summary>Parses a 64-hex value (chain id, block hash, beacon).</summary>
    public static bool TryHash(string? text, string field, out Hash32 value, [NotNullWhen(false)] out IResult? problem)
    {
        if (text is not null && Hash32.TryParse(text, out value))
        {
            problem = null;
            return true;
        }

        value = default;
        problem = Problems.BadRequest(field, text is null
            ? "is required: 64 hexadecimal characters."
            : $"must be 64 hexadecimal characters (32 bytes); got {text.Length} characters{(text.Length == 64 ? " with a non-hex character" : string.Empty)}.");
        return false;
    }

    /// <summary>Parses an optional decimal height; absent gives null.</summary>
    public static bool TryHeight(string? text, string field, out ulong? value, [NotNullWhen(false)] out IResult? problem)
    {
        problem = null;
        value = null;
        if (text is null)
        {
            return true;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong parsed))
        {
            value = parsed;
            return true;
        }

        problem = Problems.BadRequest(field, $"must be a decimal block height (0 to {ulong.MaxValue}); got '{text}'.");
        return false;
    }
}
