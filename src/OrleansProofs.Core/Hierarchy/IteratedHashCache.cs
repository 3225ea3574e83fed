// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// Remembers <see cref="IteratedHash.Compute"/> results by (seed, iterations), for verifiers that check
/// many proofs of the same blocks: every chain of a group shares its group's iterated hash (1,000
/// steps in the standard profile), every chain of a block its region's (5,000) and the global one
/// (10,000). The function is deterministic and the cache stores only what this process computed, so
/// a hit is exactly the value a recomputation would give — nothing from a proof is taken on trust.
/// Thread-safe; when it holds <see cref="Capacity"/> entries it starts over (a verifier's working set is
/// a few blocks' groups and regions, so a simple bound is enough).
/// </summary>
public sealed class IteratedHashCache
{
    private readonly ConcurrentDictionary<(Hash32 Seed, int Iterations), Hash32> _results = new();

    /// <summary>A cache of at most <paramref name="capacity"/> results (default 65,536: 6 MiB at most).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public IteratedHashCache(int capacity = 65_536)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most results kept.</summary>
    public int Capacity { get; }

    /// <summary>Results kept now.</summary>
    public int Count => _results.Count;

    /// <summary>Lookups answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    private long _hits;

    /// <summary><see cref="IteratedHash.Compute"/> of (<paramref name="seed"/>, <paramref name="iterations"/>), computed once.</summary>
    public Hash32 Compute(in Hash32 seed, int iterations)
    {
        if (_results.TryGetValue((seed, iterations), out Hash32 known))
        {
            Interlocked.Increment(ref _hits);
            return known;
        }

        Hash32 result = IteratedHash.Compute(seed, iterations);
        if (_results.Count >= Capacity)
        {
            _results.Clear();
        }

        _results[(seed, iterations)] = result;
        return result;
    }
}
