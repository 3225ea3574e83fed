// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The registration fields of a chain as a proof carries them (117 bytes). The verifier adds the
/// prover's public key it already trusts, so the chain id, the chunk count and the anchored
/// commitment are recomputed (<see cref="ToHeader"/>), never read:
/// <c>data_hash(32) ‖ replica_root(32) ‖ u64 file_length ‖ u8 encoding_version ‖ u32 work_factor ‖
/// u64 anchor_height ‖ anchor_block_hash(32)</c>.
/// </summary>
public sealed record ChainRegistration(
    Hash32 DataHash,
    Hash32 ReplicaRoot,
    ulong FileLength,
    byte EncodingVersion,
    uint WorkFactor,
    ulong AnchorHeight,
    Hash32 AnchorBlockHash)
{
    /// <summary>Encoded size.</summary>
    public const int EncodedSize = 32 + 32 + 8 + 1 + 4 + 8 + 32;

    /// <summary>The registration fields of <paramref name="header"/>.</summary>
    public static ChainRegistration From(ChainHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new(header.DataHash, header.ReplicaRoot, header.FileLength, header.EncodingVersion, header.WorkFactor, header.AnchorHeight, header.AnchorBlockHash);
    }

    /// <summary>Rebuilds the header under <paramref name="prover"/>.</summary>
    /// <exception cref="ArgumentException">A field breaks a header rule (the message names it).</exception>
    public ChainHeader ToHeader(ProverPublicKey prover) =>
        ChainHeader.Create(DataHash, prover, ReplicaRoot, FileLength, EncodingVersion, WorkFactor, AnchorHeight, AnchorBlockHash);

    /// <summary>Writes the fields.</summary>
    public void Write(ref ProtocolWriter writer)
    {
        writer.WriteHash(DataHash);
        writer.WriteHash(ReplicaRoot);
        writer.WriteUInt64(FileLength);
        writer.WriteByte(EncodingVersion);
        writer.WriteUInt32(WorkFactor);
        writer.WriteUInt64(AnchorHeight);
        writer.WriteHash(AnchorBlockHash);
    }

    /// <summary>Reads the fields.</summary>
    public static ChainRegistration Read(ref ProtocolReader reader) =>
        new(
            reader.ReadHash("registration.data_hash"),
            reader.ReadHash("registration.replica_root"),
            reader.ReadUInt64("registration.file_length"),
            reader.ReadByte("registration.encoding_version"),
            reader.ReadUInt32("registration.work_factor"),
            reader.ReadUInt64("registration.anchor_height"),
            reader.ReadHash("registration.anchor_block_hash"));

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
