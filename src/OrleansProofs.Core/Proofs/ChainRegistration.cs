// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The registration fields of a chain as a proof carries them (117 bytes): the verifier adds the
/// prover's public key it already trusts, so the chain id, the chunk count and the anchored
/// commitment are all recomputed, never read.
/// <c>data_hash(32) ‖ replica_root(32) ‖ u64 file_length ‖ u8 encoding_version ‖ u32 work_factor ‖
/// u64 anchor_height ‖ anchor_block_hash(32)</c>.
/// </summary>
public static class ChainRegistration
{
    /// <summary>Encoded size.</summary>
    public const int EncodedSize = 32 + 32 + 8 + 1 + 4 + 8 + 32;

    /// <summary>Writes the registration fields of <paramref name="header"/>.</summary>
    public static void Write(ref ProtocolWriter writer, ChainHeader header)
    {
        writer.WriteHash(header.DataHash);
        writer.WriteHash(header.ReplicaRoot);
        writer.WriteUInt64(header.FileLength);
        writer.WriteByte(header.EncodingVersion);
        writer.WriteUInt32(header.WorkFactor);
        writer.WriteUInt64(header.AnchorHeight);
        writer.WriteHash(header.AnchorBlockHash);
    }

    /// <summary>Reads the fields and rebuilds the header under <paramref name="prover"/>.</summary>
    /// <exception cref="FormatException">Truncated, or a field breaks a header rule (the message names it).</exception>
    public static ChainHeader Read(ref ProtocolReader reader, ProverPublicKey prover)
    {
        Hash32 dataHash = reader.ReadHash("registration.data_hash");
        Hash32 replicaRoot = reader.ReadHash("registration.replica_root");
        ulong fileLength = reader.ReadUInt64("registration.file_length");
        byte encodingVersion = reader.ReadByte("registration.encoding_version");
        uint workFactor = reader.ReadUInt32("registration.work_factor");
        ulong anchorHeight = reader.ReadUInt64("registration.anchor_height");
        Hash32 anchorBlockHash = reader.ReadHash("registration.anchor_block_hash");
        try
        {
            return ChainHeader.Create(dataHash, prover, replicaRoot, fileLength, encodingVersion, workFactor, anchorHeight, anchorBlockHash);
        }
        catch (ArgumentException error)
        {
            throw new FormatException($"Proof registration fields are invalid: {error.Message}", error);
        }
    }

    /// <summary>Names the first field where <paramref name="claimed"/> differs from <paramref name="registered"/>, or null.</summary>
    public static string? FirstDifference(ChainHeader claimed, ChainHeader registered)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(registered);
        return claimed.ChainId != registered.ChainId ? Describe("chainId", claimed.ChainId, registered.ChainId)
            : claimed.ReplicaRoot != registered.ReplicaRoot ? Describe("replicaRoot", claimed.ReplicaRoot, registered.ReplicaRoot)
            : claimed.FileLength != registered.FileLength ? Describe("fileLength", claimed.FileLength, registered.FileLength)
            : claimed.EncodingVersion != registered.EncodingVersion ? Describe("encodingVersion", claimed.EncodingVersion, registered.EncodingVersion)
            : claimed.WorkFactor != registered.WorkFactor ? Describe("workFactor", claimed.WorkFactor, registered.WorkFactor)
            : claimed.AnchorHeight != registered.AnchorHeight ? Describe("anchorHeight", claimed.AnchorHeight, registered.AnchorHeight)
            : claimed.AnchorBlockHash != registered.AnchorBlockHash ? Describe("anchorBlockHash", claimed.AnchorBlockHash, registered.AnchorBlockHash)
            : null;

        static string Describe(string field, object claimed, object registered) =>
            $"{field} is {claimed} in the proof but {registered} in the registration";
    }
}
