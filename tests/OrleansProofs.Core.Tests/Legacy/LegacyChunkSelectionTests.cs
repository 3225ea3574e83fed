// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Security.Cryptography;
using CsCheck;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Core.Tests.Legacy;

/// <summary>
/// Verifies v1 chunk selection against the notes' vector and the historical v1 tests (§4.8):
/// deterministic, 4 distinct in-range indices in selection order, totals 4/5/10,000/1,000,000, spread.
/// </summary>
public sealed class LegacyChunkSelectionTests
{
    [Fact]
    public void ZeroHash_FourChunks_IsTheNotesVectorInSelectionOrder()
    {
        // upstream-notes §2.4(a): total 4 and a zero hash give [0,3,2,1] (selection order, not sorted).
        Assert.Equal([0u, 3u, 2u, 1u], LegacyChunkSelection.Select(Hash32.Zero, 4));
    }

    [Fact]
    public void FourChunks_Sorted_IsEveryChunk()
    {
        // Historical consensus-compliance test: "total 4 gives [0,1,2,3] (sorted)".
        for (int i = 0; i < 20; i++)
        {
            uint[] selected = LegacyChunkSelection.Select(LegacyFixtures.BlockHash(i), 4);
            Assert.Equal([0u, 1u, 2u, 3u], selected.Order().ToArray());
        }
    }

    [Fact]
    public void FirstSlot_IsFirstDigestWordModuloTotal()
    {
        // Independent recomputation with the BCL: slot 0 never collides, so it is attempt 0's index.
        Gen.Select(Gen.Byte.Array[32], Gen.ULong[4, 10_000_000]).Sample((bytes, total) =>
        {
            Hash32 blockHash = new(bytes);
            byte[] input = [.. bytes, 0, 0, 0, 0, 0, 0, 0, 0];
            ulong word = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(input));
            Assert.Equal((uint)(word % total), LegacyChunkSelection.Select(blockHash, total)[0]);
        });
    }

    [Theory]
    [InlineData(4UL)]
    [InlineData(5UL)]
    [InlineData(10_000UL)]
    [InlineData(1_000_000UL)]
    public void Select_GivesFourDistinctInRange_Deterministically(ulong total)
    {
        for (int i = 0; i < 50; i++)
        {
            uint[] first = LegacyChunkSelection.Select(LegacyFixtures.BlockHash(i), total);
            Assert.Equal(4, first.Length);
            Assert.Equal(4, first.Distinct().Count());
            Assert.All(first, index => Assert.True(index < total));
            Assert.Equal(first, LegacyChunkSelection.Select(LegacyFixtures.BlockHash(i), total));
        }
    }

    [Fact]
    public void HundredBlockHashes_GiveAtLeast85UniqueSelections()
    {
        HashSet<string> unique = [];
        for (int i = 0; i < 100; i++)
        {
            unique.Add(string.Join(',', LegacyChunkSelection.Select(LegacyFixtures.BlockHash(i), 10_000)));
        }

        Assert.True(unique.Count >= 85, $"{unique.Count} unique selections");
    }

    [Fact]
    public void ManyBlocks_In25ChunkFile_TouchAtLeast15Chunks()
    {
        HashSet<uint> touched = [];
        for (int i = 0; i < 30; i++)
        {
            touched.UnionWith(LegacyChunkSelection.Select(LegacyFixtures.BlockHash(i), 25));
        }

        Assert.True(touched.Count >= 15, $"{touched.Count} chunks touched");
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(3UL)]
    [InlineData(1UL + uint.MaxValue)]
    public void TotalOutOfRange_Throws(ulong total)
    {
        Assert.Throws<ArgumentOutOfRangeException>("totalChunks", () => LegacyChunkSelection.Select(Hash32.Zero, total));
    }

    [Fact]
    public void DestinationNotFour_Throws()
    {
        Assert.Throws<ArgumentException>("destination", () => LegacyChunkSelection.Select(Hash32.Zero, 10, new uint[3]));
    }
}
