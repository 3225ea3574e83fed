// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// A region's root at a block. Its groups are ordered by group id; <c>M</c> is the Merkle root
/// over their group roots;
/// <c>seed = SHA-256(u8 14 ‖ "posc/v1/region" ‖ u32 region_id ‖ u64 height ‖ u32 group_count ‖ M)</c>;
/// <c>region_root = IteratedHash(seed, regionIterations)</c>.
/// </summary>
public static class RegionRoot
{
    /// <summary>Bytes hashed for the seed: tag prefix (15) + 4 + 8 + 4 + 32.</summary>
    public const int SeedInputSize = 15 + 4 + 8 + 4 + Hash32.Size;

    /// <summary>The region seed over the groups' Merkle root <paramref name="groupsRoot"/>.</summary>
    public static Hash32 ComputeSeed(uint regionId, ulong height, uint groupCount, in Hash32 groupsRoot) =>
        LevelSeed.Compute(DomainTags.Region, regionId, height, groupCount, groupsRoot);

    /// <summary>
    /// Computes the root of region <paramref name="regionId"/> from its non-empty groups' roots in any
    /// order. That the groups belong to the region (<c>group_id / GroupsPerRegion</c>) is the caller's rule.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="groups"/> is empty or holds a group id twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is negative.</exception>
    public static Hash32 Compute(uint regionId, ulong height, ReadOnlySpan<LevelRoot> groups, int iterations)
    {
        if (iterations < 0)
        {
            throw Error.OutOfRange(nameof(iterations), iterations, "must not be negative");
        }

        Hash32 groupsRoot = HierarchyOrdering.ChildrenRoot(groups, nameof(groups), "group");
        return IteratedHash.Compute(ComputeSeed(regionId, height, (uint)groups.Length, groupsRoot), iterations);
    }
}
