// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Grains.Storage;

/// <summary>
/// The commitment log's row payload for one <see cref="ChainRecord"/>, big-endian:
/// <c>version u8 (1) ‖ kind u8 ‖ height u64 ‖ block_hash 32 ‖ previous 32 ‖ n u8 ‖ n × index u64 ‖ n × access_digest 32 ‖ commitment 32</c>
/// (a gap has n = 0). Decoding checks the shape (through <see cref="ChainRecord"/>'s constructor) and
/// that nothing trails, so a damaged row is reported, never half-read.
/// </summary>
public static class ChainRecordBytes
{
    private const byte Version = 1;

    /// <summary>The encoded size of <paramref name="record"/>.</summary>
    public static int SizeOf(ChainRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return 1 + 1 + 8 + Hash32.Size + Hash32.Size + 1 + (record.Indices.Length * (8 + Hash32.Size)) + Hash32.Size;
    }

    /// <summary>Encodes <paramref name="record"/>.</summary>
    public static byte[] Encode(ChainRecord record)
    {
        byte[] bytes = new byte[SizeOf(record)];
        ProtocolWriter writer = new(bytes);
        writer.WriteByte(Version);
        writer.WriteByte((byte)record.Kind);
        writer.WriteUInt64(record.Height);
        writer.WriteHash(record.BlockHash);
        writer.WriteHash(record.PreviousCommitment);
        writer.WriteByte((byte)record.Indices.Length);
        foreach (ulong index in record.Indices)
        {
            writer.WriteUInt64(index);
        }

        foreach (Hash32 digest in record.AccessDigests)
        {
            writer.WriteHash(digest);
        }

        writer.WriteHash(record.Commitment);
        return bytes;
    }

    /// <summary>Decodes a payload written by <see cref="Encode"/>.</summary>
    /// <exception cref="FormatException">The payload is truncated, has trailing bytes, an unknown version or an invalid shape.</exception>
    public static ChainRecord Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            ProtocolReader reader = new(bytes);
            byte version = reader.ReadByte("version");
            if (version != Version)
            {
                throw new FormatException($"A stored chain record has version {version}; this build reads version {Version}.");
            }

            ChainRecordKind kind = (ChainRecordKind)reader.ReadByte("kind");
            ulong height = reader.ReadUInt64("height");
            Hash32 blockHash = reader.ReadHash("blockHash");
            Hash32 previous = reader.ReadHash("previousCommitment");
            int count = reader.ReadByte("count");
            ImmutableArray<ulong>.Builder indices = ImmutableArray.CreateBuilder<ulong>(count);
            for (int i = 0; i < count; i++)
            {
                indices.Add(reader.ReadUInt64("index"));
            }

            ImmutableArray<Hash32>.Builder digests = ImmutableArray.CreateBuilder<Hash32>(count);
            for (int i = 0; i < count; i++)
            {
                digests.Add(reader.ReadHash("accessDigest"));
            }

            Hash32 commitment = reader.ReadHash("commitment");
            reader.EnsureEnd("stored chain record");
            return new ChainRecord(kind, height, blockHash, previous, indices.MoveToImmutable(), digests.MoveToImmutable(), commitment);
        }
        catch (ArgumentException error)
        {
            throw new FormatException($"A stored chain record is damaged: {error.Message}", error);
        }
    }
}
