// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Cli.Inspection;

/// <summary>
/// The inspectors <c>posc inspect</c> tries, in order. Register new formats here; formats told by a
/// magic come first, the ultra-compact claim (told only by its 136-byte size) last.
/// </summary>
public static class FileInspectors
{
    /// <summary>Every format posc can inspect.</summary>
    public static IReadOnlyList<IFileInspector> Default { get; } =
    [
        new HashChainInspector(),
        new ProofEnvelopeInspector(ProofFormat.Path),
        new ProofEnvelopeInspector(ProofFormat.Compact),
        new ProofEnvelopeInspector(ProofFormat.Full),
        new UltraCompactClaimInspector(),
    ];
}
