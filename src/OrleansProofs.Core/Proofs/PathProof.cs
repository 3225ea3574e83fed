// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The hierarchical path proof: one chain's commitment at one block, its inclusion path
/// chain → group → region → global, and the seal of the prover's signed block attestation.
/// <code>
/// envelope(6, format 1) ‖ chain_id(32) ‖ commitment(32) ‖ seal(112) ‖ u16 path_length ‖ hierarchy_path
/// </code>
/// The global root is not carried: the verifier recomputes it from the path, then checks the
/// prover's signature over the attestation rebuilt around it.
/// </summary>
public sealed record PathProof(Hash32 ChainId, Hash32 Commitment, BlockSeal Seal, HierarchyPath Path)
{
    /// <summary>Size before the hierarchy path.</summary>
    private const int FixedSize = ProofEnvelope.Size + 2 * Hash32.Size + BlockSeal.EncodedSize + 2;

    /// <summary>The block height the proof is for.</summary>
    public ulong Height => Path.Height;

    /// <summary>Encodes the proof.</summary>
    public byte[] Encode()
    {
        byte[] bytes = new byte[FixedSize + Path.EncodedSize];
        ProtocolWriter writer = new(bytes);
        ProofEnvelope.Write(ref writer, ProofFormat.Path);
        writer.WriteHash(ChainId);
        writer.WriteHash(Commitment);
        Seal.Write(ref writer);
        ProofCodec.WritePath(ref writer, Path);
        return bytes;
    }

    /// <summary>Decodes a path proof.</summary>
    /// <exception cref="FormatException">Malformed input; the message names the field.</exception>
    public static PathProof Decode(ReadOnlySpan<byte> encoded)
    {
        ProtocolReader reader = new(encoded);
        ProofEnvelope.Read(ref reader, ProofFormat.Path);
        Hash32 chainId = reader.ReadHash("chain_id");
        Hash32 commitment = reader.ReadHash("commitment");
        BlockSeal seal = BlockSeal.Read(ref reader);
        HierarchyPath path = ProofCodec.ReadPath(ref reader);
        reader.EnsureEnd("path proof");
        return new PathProof(chainId, commitment, seal, path);
    }
}
