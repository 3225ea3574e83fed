// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The compact proof: the chain's registration, its proof window in recomputable form, the seal of
/// the signed block attestation at the window's last block, and the hierarchy path to that block's
/// global root. At the standard profile (8 blocks × 4 digests) in a 100,000-chain network it is
/// 2,008 bytes (≤ 2,048).
/// <code>
/// envelope(6, format 2) ‖ registration(117) ‖ window ‖ seal(112) ‖ u16 path_length ‖ hierarchy_path
/// </code>
/// </summary>
public sealed record CompactProof(ChainRegistration Registration, ProofWindow Window, BlockSeal Seal, HierarchyPath Path)
{
    /// <summary>The block height the proof ends at.</summary>
    public ulong Height => Window.LastHeight;

    /// <summary>Encoded size.</summary>
    public int EncodedSize => ProofEnvelope.Size + ChainRegistration.EncodedSize + Window.EncodedSize + BlockSeal.EncodedSize + 2 + Path.EncodedSize;

    /// <summary>Encodes the proof.</summary>
    public byte[] Encode()
    {
        byte[] bytes = new byte[EncodedSize];
        ProtocolWriter writer = new(bytes);
        WriteBody(ref writer, ProofFormat.Compact);
        return bytes;
    }

    /// <summary>Decodes a compact proof.</summary>
    /// <exception cref="FormatException">Malformed input; the message names the field.</exception>
    public static CompactProof Decode(ReadOnlySpan<byte> encoded)
    {
        ProtocolReader reader = new(encoded);
        CompactProof proof = ReadBody(ref reader, ProofFormat.Compact);
        reader.EnsureEnd("compact proof");
        return proof;
    }

    /// <summary>Writes envelope and body (shared with the full proof).</summary>
    internal void WriteBody(ref ProtocolWriter writer, ProofFormat format)
    {
        ProofEnvelope.Write(ref writer, format);
        Registration.Write(ref writer);
        Window.Write(ref writer);
        Seal.Write(ref writer);
        ProofCodec.WritePath(ref writer, Path);
    }

    /// <summary>Reads envelope and body (shared with the full proof).</summary>
    internal static CompactProof ReadBody(ref ProtocolReader reader, ProofFormat format)
    {
        ProofEnvelope.Read(ref reader, format);
        ChainRegistration registration = ChainRegistration.Read(ref reader);
        ProofWindow window = ProofWindow.Read(ref reader);
        BlockSeal seal = BlockSeal.Read(ref reader);
        HierarchyPath path = ProofCodec.ReadPath(ref reader);
        return new CompactProof(registration, window, seal, path);
    }
}
