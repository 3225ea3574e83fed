// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The parts of a <see cref="BlockAttestation"/> a proof carries (112 bytes); the height, block hash,
/// global root and chain count are recomputed from the hierarchy path and public blocks instead:
/// <c>u64 timestamp ‖ u64 vdf_iterations ‖ vdf_state(32) ‖ signature(64)</c>.
/// </summary>
public sealed record BlockSeal(ulong Timestamp, ulong VdfIterations, Hash32 VdfState, byte[] Signature)
{
    /// <summary>Encoded size.</summary>
    public const int EncodedSize = 8 + 8 + 32 + NodeKey.SignatureSize;

    /// <summary>Takes the carried parts of a signed attestation.</summary>
    public static BlockSeal From(BlockAttestation attestation, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != NodeKey.SignatureSize)
        {
            throw Error.WrongLength(nameof(signature), NodeKey.SignatureSize, signature.Length);
        }

        return new BlockSeal(attestation.Timestamp, attestation.VdfIterations, attestation.VdfState, signature);
    }

    /// <summary>Writes the seal.</summary>
    public void Write(ref ProtocolWriter writer)
    {
        writer.WriteUInt64(Timestamp);
        writer.WriteUInt64(VdfIterations);
        writer.WriteHash(VdfState);
        writer.WriteBytes(Signature);
    }

    /// <summary>Reads a seal.</summary>
    public static BlockSeal Read(ref ProtocolReader reader) =>
        new(
            reader.ReadUInt64("seal.timestamp"),
            reader.ReadUInt64("seal.vdf_iterations"),
            reader.ReadHash("seal.vdf_state"),
            reader.ReadBytes(NodeKey.SignatureSize, "seal.signature").ToArray());

    /// <summary>Rebuilds the full attestation from recomputed fields.</summary>
    public BlockAttestation ToAttestation(ulong height, Hash32 blockHash, Hash32 globalRoot, ulong totalChains) =>
        new(height, blockHash, globalRoot, totalChains, Timestamp, VdfIterations, VdfState);
}
