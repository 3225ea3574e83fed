// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Proofs;

/// <summary>The four proof formats. The numeric value is the format byte of the binary envelope.</summary>
public enum ProofFormat : byte
{
    /// <summary>136-byte claim checked against trusted data (no envelope).</summary>
    UltraCompact = 0,

    /// <summary>Chain → group → region → global inclusion for one block, with the signed block attestation.</summary>
    Path = 1,

    /// <summary>The proof window's commitments, recomputable, plus the path and the signature (≤ 2,048 bytes at the standard profile).</summary>
    Compact = 2,

    /// <summary>The compact proof plus every selected chunk's bytes and Merkle path to the replica root.</summary>
    Full = 3,
}

/// <summary>The formats' names as they appear in the API, the CLI and docs.</summary>
public static class ProofFormatNames
{
    /// <summary>All names in format order.</summary>
    public static IReadOnlyList<string> All { get; } = ["ultra-compact", "path", "compact", "full"];

    /// <summary>The API name of <paramref name="format"/>.</summary>
    public static string ToName(this ProofFormat format) => All[(int)format];

    /// <summary>Parses an API name (case-insensitive).</summary>
    public static bool TryParse(string? name, out ProofFormat format)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.OrdinalIgnoreCase))
            {
                format = (ProofFormat)i;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>Parses an API name.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="All"/>.</exception>
    public static ProofFormat Parse(string name) =>
        TryParse(name, out ProofFormat format)
            ? format
            : throw Error.Invalid(nameof(name), $"unknown proof format '{name}'; expected one of: {string.Join(", ", All)}.");
}
