// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// A block's global root. Regions are ordered by region id; <c>M</c> is the Merkle root over their
/// region roots;
/// <c>seed = SHA-256(u8 14 ‖ "posc/v1/global" ‖ u64 height ‖ block_hash ‖ previous_global_root ‖
/// u64 total_chains ‖ u32 region_count ‖ M)</c>, where previous_global_root is the previously
/// published global root (all zero for the first);
/// <c>global_root = IteratedHash(seed, globalIterations)</c>.
/// </summary>
public static class GlobalRoot
{
    /// <summary>Bytes hashed for the seed: tag prefix (15) + 8 + 32 + 32 + 8 + 4 + 32.</summary>
    public const int SeedInputSize = 15 + 8 + Hash32.Size + Hash32.Size + 8 + 4 + Hash32.Size;

    /// <summary>The global seed over the regions' Merkle root <paramref name="regionsRoot"/>.</summary>
    public static Hash32 ComputeSeed(
        ulong height, in Hash32 blockHash, in Hash32 previousGlobalRoot, ulong totalChains, uint regionCount, in Hash32 regionsRoot)
    {
        Span<byte> buffer = stackalloc byte[SeedInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Global);
        writer.WriteUInt64(height);
        writer.WriteHash(blockHash);
        writer.WriteHash(previousGlobalRoot);
        writer.WriteUInt64(totalChains);
        writer.WriteUInt32(regionCount);
        writer.WriteHash(regionsRoot);
        return writer.Hash();
    }

    /// <summary>Computes the global root of a block from its non-empty regions' roots in any order.</summary>
    /// <exception cref="ArgumentException"><paramref name="regions"/> is empty or holds a region id twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="totalChains"/> is below the region count (every region has a chain), or
    /// <paramref name="iterations"/> is negative.
    /// </exception>
    public static Hash32 Compute(
        ulong height, in Hash32 blockHash, in Hash32 previousGlobalRoot, ulong totalChains, ReadOnlySpan<LevelRoot> regions, int iterations)
    {
        if (iterations < 0)
        {
            throw Error.OutOfRange(nameof(iterations), iterations, "must not be negative");
        }

        Hash32 regionsRoot = HierarchyOrdering.ChildrenRoot(regions, nameof(regions), "region");
        if (totalChains < (ulong)regions.Length)
        {
            throw Error.OutOfRange(nameof(totalChains), totalChains, $"must be at least the region count {regions.Length} (every region holds a chain)");
        }

        return IteratedHash.Compute(
            ComputeSeed(height, blockHash, previousGlobalRoot, totalChains, (uint)regions.Length, regionsRoot), iterations);
    }
}
