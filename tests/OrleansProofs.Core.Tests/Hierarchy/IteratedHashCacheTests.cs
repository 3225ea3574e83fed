// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Tests.Hierarchy;

public sealed class IteratedHashCacheTests
{
    [Fact]
    public void CachedResultsEqualRecomputationForEverySeedAndCount()
    {
        IteratedHashCache cache = new();
        for (int i = 0; i < 20; i++)
        {
            Hash32 seed = Sha256.Hash([(byte)i]);
            int iterations = i % 4 * 50;
            Hash32 expected = IteratedHash.Compute(seed, iterations);
            Assert.Equal(expected, cache.Compute(seed, iterations));
            Assert.Equal(expected, cache.Compute(seed, iterations));
        }

        Assert.Equal(20, cache.Hits);

        // The iteration count is part of the key: the same seed with another count is another value.
        Hash32 one = Sha256.Hash("seed"u8);
        Assert.NotEqual(cache.Compute(one, 10), cache.Compute(one, 11));
    }

    [Fact]
    public void TheCacheStaysWithinItsCapacity()
    {
        IteratedHashCache cache = new(capacity: 8);
        for (int i = 0; i < 100; i++)
        {
            cache.Compute(Sha256.Hash([(byte)i]), 3);
            Assert.InRange(cache.Count, 1, 8);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new IteratedHashCache(capacity: 0));
    }
}
