// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Cli.Proofs;

/// <summary>Reading proof files: a size cap before reading, and naming a file whose format cannot be told.</summary>
public static class ProofFiles
{
    /// <summary>
    /// Largest proof file read: 64 MiB. The largest full proof a profile allows (a window of 8 blocks ×
    /// 64 chunks with 4 KiB each) is about 2.2 MB, so anything larger is not a proof.
    /// </summary>
    public const long MaxProofBytes = 64L * 1024 * 1024;

    /// <summary>How the formats are told apart, for messages.</summary>
    public const string IdentificationRule =
        "path, compact and full proofs start with \"POSC\" and a format byte (1, 2, 3); an ultra-compact claim is exactly 136 bytes";

    /// <summary>True when <paramref name="head"/> starts with the proof envelope's magic <c>POSC</c>.</summary>
    public static bool HasEnvelopeMagic(ReadOnlySpan<byte> head) => head.StartsWith(ProofEnvelope.Magic);

    /// <summary>Why an envelope whose format byte is not 1–3 cannot be decoded, in the decoders' words.</summary>
    public static string UnknownFormatByteReason(ReadOnlySpan<byte> encoded) =>
        encoded.Length < ProofEnvelope.Size
            ? $"the file is {encoded.Length} bytes, shorter than the {ProofEnvelope.Size}-byte proof envelope (magic, format, version)."
            : $"Proof format byte is {encoded[ProofEnvelope.Magic.Length]}; a proof envelope carries 1 (path), 2 (compact) or 3 (full).";
}
