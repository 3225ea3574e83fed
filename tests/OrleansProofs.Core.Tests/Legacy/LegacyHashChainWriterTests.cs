// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Core.Tests.Legacy;

/// <summary>Verifies the fixture writer's argument checks and its v1 byte layout (header offsets, padding, footer, last-chunk rule).</summary>
public sealed class LegacyHashChainWriterTests
{
    [Fact]
    public void EmptyData_Throws()
    {
        Assert.Throws<ArgumentException>("originalData", () => new LegacyHashChainWriter([], LegacyFixtures.Key, 1, Hash32.Zero));
    }

    [Fact]
    public void HeightAtOrAbove2Pow53_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("initialBlockHeight", () => new LegacyHashChainWriter([1], LegacyFixtures.Key, 1UL << 53, Hash32.Zero));
        Assert.Throws<ArgumentOutOfRangeException>("height", () => LegacyCommitmentRecord.EncodeHeight((1UL << 53) + 1));
    }

    [Fact]
    public void FewerThanFourChunks_CannotTakeBlocks()
    {
        LegacyHashChainWriter writer = new(LegacyFixtures.Data(3 * 4096), LegacyFixtures.Key, 1, Hash32.Zero);
        Assert.Throws<InvalidOperationException>(() => writer.AppendBlock(Hash32.Zero));
        Assert.Empty(writer.Records);
    }

    [Fact]
    public void DataFile_IsTheOriginalZeroPaddedToWholeChunks()
    {
        byte[] original = LegacyFixtures.Data(4097);
        byte[] data = new LegacyHashChainWriter(original, LegacyFixtures.Key, 1, Hash32.Zero).BuildDataFile();
        Assert.Equal(8192, data.Length);
        Assert.Equal(original, data[..4097]);
        Assert.All(data[4097..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void HashChainFile_FieldsSitAtTheDocumentedOffsets()
    {
        byte[] original = LegacyFixtures.Data(2 * 4096 + 5);
        LegacyHashChainWriter writer = new(original, LegacyFixtures.Key, 777, LegacyFixtures.InitialHash, LegacyHeightEncoding.UInt64, "/srv/x.data");
        byte[] f = writer.BuildHashChainFile();

        Assert.Equal("HCHN"u8.ToArray(), f[0..4]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(4)));
        Assert.Equal(SHA256.HashData(original), f[8..40]);
        Assert.Equal(3UL, BinaryPrimitives.ReadUInt64BigEndian(f.AsSpan(72)));
        Assert.Equal(4096u, BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(80)));
        Assert.Equal(SHA256.HashData("/srv/x.data"u8), f[84..116]);
        Assert.Equal(writer.AnchoredCommitment.ToArray(), f[116..148]);
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(148)));
        Assert.Equal(LegacyFixtures.Key.Bytes.ToArray(), f[152..184]);
        Assert.Equal(777UL, BinaryPrimitives.ReadUInt64BigEndian(f.AsSpan(184)));
        Assert.Equal(LegacyFixtures.InitialHash.ToArray(), f[192..224]);
        Assert.Equal(SHA256.HashData(f.AsSpan(0, 224)), f[224..256]);
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(256)));
        Assert.Equal(SHA256.HashData(original.AsSpan(8192)), f[(260 + 64)..(260 + 96)]); // last leaf: unpadded
        Assert.Equal((ulong)f.Length, BinaryPrimitives.ReadUInt64BigEndian(f.AsSpan(f.Length - 12)));
        Assert.Equal(0xDEADBEEFu, BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(f.Length - 4)));
        Assert.Equal(260 + 96 + 12, f.Length);
    }

    [Fact]
    public void AppendBlock_SelectsHashesPaddedChunksAndLinks()
    {
        byte[] original = LegacyFixtures.Data(5 * 4096 - 3000);
        LegacyHashChainWriter writer = new(original, LegacyFixtures.Key, 10, LegacyFixtures.InitialHash);
        byte[] padded = writer.BuildDataFile();
        for (int i = 0; i < 6; i++)
        {
            Hash32 previous = writer.HeadCommitment;
            LegacyCommitmentRecord record = writer.AppendBlock(LegacyFixtures.BlockHash(i));
            Assert.Equal(11.0 + i, record.BlockHeight);
            Assert.Equal(previous, record.PreviousCommitment);
            Assert.Equal(LegacyChunkSelection.Select(LegacyFixtures.BlockHash(i), 5), record.ChunkIndices.ToArray());
            for (int j = 0; j < 4; j++)
            {
                uint chunk = record.ChunkIndices[j];
                Assert.Equal(new Hash32(SHA256.HashData(padded.AsSpan((int)chunk * 4096, 4096))), record.ChunkHashes[j]);
            }
        }

        // The v1 quirk kept as-is: the last chunk's leaf (unpadded) differs from its record hash (padded).
        Assert.NotEqual(writer.Leaves[4], writer.PaddedChunkHash(4));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => writer.PaddedChunkHash(5));
    }
}
