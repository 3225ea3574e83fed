// SPDX-License-Identifier: MIT

using System.Numerics;
using CsCheck;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// Verifies chunk selection: k = min(chunksPerBlock, n) distinct in-range indices, deterministic,
/// uniform (chi-square), unbiased rejection bound, zero allocation, argument checks, and that a
/// selection made from any other block, beacon or previous commitment is rejected.
/// </summary>
public sealed class ChunkSelectorTests
{
    private static readonly Gen<Hash32> GenHash = Gen.Byte.Array[32].Select(b => new Hash32(b));

    private static ulong[] Select(Hash32 entropy, Hash32 chainId, Hash32 previous, ulong total, int perBlock)
    {
        ulong[] buffer = new ulong[ProtocolConstants.MaxChunksPerBlock];
        int k = ChunkSelector.Select(entropy, chainId, previous, total, perBlock, buffer);
        return buffer[..k];
    }

    [Fact]
    public void AlwaysKDistinctIndicesInRange()
    {
        Gen.Select(GenHash, GenHash, GenHash, Gen.ULong[1, 40], Gen.Int[1, 64], Gen.ULong)
            .Sample((entropy, chainId, previous, small, perBlock, any) =>
            {
                foreach (ulong total in new[] { small, any | 1UL, Math.Max(any, 1UL) })
                {
                    ulong[] indices = Select(entropy, chainId, previous, total, perBlock);
                    Assert.Equal((int)Math.Min((ulong)perBlock, total), indices.Length);
                    Assert.Equal(indices.Length, indices.Distinct().Count());
                    Assert.All(indices, i => Assert.True(i < total));
                }
            });
    }

    [Fact]
    public void Deterministic_AndEveryInputMatters()
    {
        Gen.Select(GenHash, GenHash, GenHash, Gen.ULong[100, 1UL << 40]).Sample((entropy, chainId, previous, total) =>
        {
            ulong[] first = Select(entropy, chainId, previous, total, 16);
            Assert.Equal(first, Select(entropy, chainId, previous, total, 16));
            Assert.True(ChunkSelector.Verify(entropy, chainId, previous, total, 16, first));

            Hash32 other = Sha256.Hash(entropy.Bytes);
            Assert.NotEqual(first, Select(other, chainId, previous, total, 16));
            Assert.NotEqual(first, Select(entropy, other, previous, total, 16));
            Assert.NotEqual(first, Select(entropy, chainId, other, total, 16));
            Assert.NotEqual(first, Select(entropy, chainId, previous, total + 1, 16));
        });
    }

    [Fact]
    public void SmallFile_SelectsEveryChunk()
    {
        ulong[] indices = Select(Hash32.Zero, Hash32.Zero, Hash32.Zero, 5, 16);
        Assert.Equal([0UL, 1, 2, 3, 4], indices.Order().ToArray());
        Assert.Equal([0UL], Select(Hash32.Zero, Hash32.Zero, Hash32.Zero, 1, 4));
    }

    [Fact]
    public void ChiSquare_UniformOverSmallN()
    {
        // n = 10 chunks, k = 1 per draw, 20,000 seeded draws: each index expected 2,000 times.
        // df = 9: P(χ² > 27.88) = 0.001, so 40 is a generous bound; a modulo-biased or broken
        // selector on n = 10 (e.g. always the first words) fails it by orders of magnitude.
        const int n = 10;
        const int draws = 20_000;
        long[] counts = new long[n];
        Random random = new(20_240);
        byte[] seed = new byte[32];
        for (int i = 0; i < draws; i++)
        {
            random.NextBytes(seed);
            counts[Select(new Hash32(seed), Hash32.Zero, Hash32.Zero, n, 1)[0]]++;
        }

        double expected = (double)draws / n;
        double chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare < 40, $"χ² = {chiSquare:F2} over counts [{string.Join(", ", counts)}]");
    }

    [Fact]
    public void ChiSquare_AllPositionsUniform_WithK4OfN12()
    {
        // Each index should appear in a k = 4 selection of n = 12 with probability 1/3.
        const int n = 12;
        const int draws = 12_000;
        long[] counts = new long[n];
        Random random = new(7);
        byte[] seed = new byte[32];
        for (int i = 0; i < draws; i++)
        {
            random.NextBytes(seed);
            foreach (ulong index in Select(new Hash32(seed), Hash32.Zero, Hash32.Zero, n, 4))
            {
                counts[index]++;
            }
        }

        double expected = draws * 4.0 / n;
        double chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare < 45, $"χ² = {chiSquare:F2} over counts [{string.Join(", ", counts)}]");
    }

    [Fact]
    public void RejectionBound_IsExactlyTwoTo64MinusTwoTo64ModN()
    {
        // The accepted words [0, 2^64 − (2^64 mod n)) hold every index exactly the same number of times.
        Gen.ULong[1, ulong.MaxValue].Sample(n =>
        {
            BigInteger twoTo64 = BigInteger.One << 64;
            BigInteger limit = twoTo64 - twoTo64 % n;
            Assert.Equal(BigInteger.Zero, limit % n);
            ulong remainder = (ulong.MaxValue - n + 1) % n;
            Assert.Equal(limit - 1, (BigInteger)(ulong.MaxValue - remainder));
        });
    }

    [Fact]
    public void Rejection_ChangesTheResult_ComparedWithPlainModulo()
    {
        // For n = 2^63 + 1 about half the words are rejected; the vector's indices are what the
        // rejection rule gives, and all of them are below 2^63 + 1 even though plain modulo of the
        // same words would produce repeats of small values.
        ulong n = (1UL << 63) + 1;
        ulong[] indices = Select(Hash32.Parse(ProtocolVectorTests.EntropyHex), Hash32.Parse(ProtocolVectorTests.ChainIdHex), Hash32.Parse(ProtocolVectorTests.AnchoredHex), n, 16);
        Assert.Equal(ProtocolVectorTests.SelectionRejecting, indices);
    }

    [Fact]
    public void Attack_SelectionFromAnotherPreviousCommitmentOrBlock_IsRejected()
    {
        Gen.Select(GenHash, GenHash, GenHash, GenHash).Sample((blockHash, chainId, previous, forged) =>
        {
            const ulong total = 10_000;
            Hash32 entropy = BlockEntropy.Compute(blockHash, null, 42);
            ulong[] honest = Select(entropy, chainId, previous, total, 4);

            // Precomputed against another previous commitment (a fork or a stale head).
            Assert.False(ChunkSelector.Verify(entropy, chainId, previous, total, 4, Select(entropy, chainId, forged, total, 4)));

            // Computed from another block hash, height or beacon.
            Assert.False(ChunkSelector.Verify(entropy, chainId, previous, total, 4, Select(BlockEntropy.Compute(forged, null, 42), chainId, previous, total, 4)));
            Assert.False(ChunkSelector.Verify(entropy, chainId, previous, total, 4, Select(BlockEntropy.Compute(blockHash, null, 43), chainId, previous, total, 4)));
            Assert.False(ChunkSelector.Verify(entropy, chainId, previous, total, 4, Select(BlockEntropy.Compute(blockHash, forged, 42), chainId, previous, total, 4)));

            // Right indices in another order, one too few, or one swapped.
            Assert.False(ChunkSelector.Verify(entropy, chainId, previous, total, 4, honest.Reverse().ToArray()));
            Assert.False(ChunkSelector.Verify(entropy, chainId, previous, total, 4, honest[..3]));
            ulong[] swapped = (ulong[])honest.Clone();
            swapped[2] = (swapped[2] + 1) % total;
            Assert.False(ChunkSelector.Verify(entropy, chainId, previous, total, 4, swapped));
        });
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        ulong[] buffer = new ulong[64];
        Assert.Throws<ArgumentOutOfRangeException>("totalChunks", () => ChunkSelector.Select(Hash32.Zero, Hash32.Zero, Hash32.Zero, 0, 4, buffer));
        Assert.Throws<ArgumentOutOfRangeException>("chunksPerBlock", () => ChunkSelector.Select(Hash32.Zero, Hash32.Zero, Hash32.Zero, 10, 0, buffer));
        Assert.Throws<ArgumentOutOfRangeException>("chunksPerBlock", () => ChunkSelector.Select(Hash32.Zero, Hash32.Zero, Hash32.Zero, 10, 65, buffer));
        Assert.Throws<ArgumentException>("destination", () => ChunkSelector.Select(Hash32.Zero, Hash32.Zero, Hash32.Zero, 10, 4, new ulong[3]));

        // k = min(4, 3) = 3 fits a 3-slot buffer.
        Assert.Equal(3, ChunkSelector.Select(Hash32.Zero, Hash32.Zero, Hash32.Zero, 3, 4, new ulong[3]));
    }

    [Fact]
    public void SelectAndVerify_AllocateNothing()
    {
        Hash32 entropy = Sha256.Hash("e"u8);
        Span<ulong> indices = stackalloc ulong[16];
        ChunkSelector.Select(entropy, entropy, entropy, 1_000_000, 16, indices);
        ChunkSelector.Verify(entropy, entropy, entropy, 1_000_000, 16, indices);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            ChunkSelector.Select(entropy, entropy, entropy, 1_000_000, 16, indices);
            Assert.True(ChunkSelector.Verify(entropy, entropy, entropy, 1_000_000, 16, indices));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
