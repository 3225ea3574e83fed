// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Legacy;

/// <summary>What <see cref="HashChainFileReader"/> does when the header checksum does not match.</summary>
public enum LegacyHeaderChecksumPolicy
{
    /// <summary>Throw a <see cref="LegacyFormatException"/> (<see cref="LegacyFormatError.HeaderChecksumMismatch"/>). The default.</summary>
    Enforce,

    /// <summary>
    /// Parse on and expose the stored and computed checksums, so a verifier can report the mismatch
    /// together with every other finding.
    /// </summary>
    Report,
}
