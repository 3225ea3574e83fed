// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// Builds one chain's <see cref="HierarchyPath"/> from what a distributed aggregation keeps: the
/// members of the chain's own group (chain ids and commitments) and the block's recorded group and
/// region roots. Unlike <see cref="BlockHierarchy.Build"/> it needs no other group's members and
/// runs no iterated hash, so a node can serve a path by asking one group instead of every chain.
/// The path is byte-identical to <see cref="BlockHierarchy.GetPath"/> for the same block.
/// </summary>
public static class HierarchyPathBuilder
{
    /// <summary>The inclusion path of <paramref name="chainId"/> in the block whose roots are given.</summary>
    /// <param name="height">The block height.</param>
    /// <param name="blockHash">The layer-1 block hash.</param>
    /// <param name="previousGlobalRoot">The previously published global root (zero for the first).</param>
    /// <param name="totalChains">Chains covered by the block.</param>
    /// <param name="chainId">The chain whose path is built.</param>
    /// <param name="groupId">The chain's group.</param>
    /// <param name="members">Every member of that group at the block, in any order.</param>
    /// <param name="groupRoots">Every non-empty group's root at the block, in any order.</param>
    /// <param name="regionRoots">Every non-empty region's root at the block, in any order.</param>
    /// <param name="groupsPerRegion">The network's groups per region (a group's region is <c>group_id / groupsPerRegion</c>).</param>
    /// <exception cref="ArgumentException">
    /// The chain is not among <paramref name="members"/>, a member or root id is listed twice, or the
    /// group or its region has no root in the lists.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groupsPerRegion"/> is below 1.</exception>
    public static HierarchyPath Build(
        ulong height,
        in Hash32 blockHash,
        in Hash32 previousGlobalRoot,
        ulong totalChains,
        in Hash32 chainId,
        uint groupId,
        ReadOnlySpan<GroupMember> members,
        ReadOnlySpan<LevelRoot> groupRoots,
        ReadOnlySpan<LevelRoot> regionRoots,
        int groupsPerRegion)
    {
        if (groupsPerRegion < 1)
        {
            throw Error.OutOfRange(nameof(groupsPerRegion), groupsPerRegion, "must be at least 1");
        }

        GroupMember[] sorted = members.ToArray();
        sorted.AsSpan().Sort(default(HierarchyOrdering.MemberByChainId));
        Hash32[] leaves = new Hash32[sorted.Length];
        int leafIndex = -1;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i].ChainId == sorted[i - 1].ChainId)
            {
                throw Error.Invalid(nameof(members), $"chain {sorted[i].ChainId} appears more than once in group {groupId}.");
            }

            leafIndex = sorted[i].ChainId == chainId ? i : leafIndex;
            leaves[i] = ChainLeaf.Compute(sorted[i].ChainId, height, sorted[i].Commitment);
        }

        if (leafIndex < 0)
        {
            throw Error.Invalid(nameof(members), $"chain {chainId} is not a member of group {groupId} at block {height}.");
        }

        uint regionId = GroupAssignment.RegionOf(groupId, groupsPerRegion);
        LevelRoot[] regionGroups = Sorted(groupRoots, nameof(groupRoots), "group", r => GroupAssignment.RegionOf(r.Id, groupsPerRegion) == regionId);
        int groupIndex = IndexOf(regionGroups, groupId, nameof(groupRoots), "group");
        LevelRoot[] regions = Sorted(regionRoots, nameof(regionRoots), "region", _ => true);
        int regionIndex = IndexOf(regions, regionId, nameof(regionRoots), "region");
        return new HierarchyPath(
            height,
            blockHash,
            previousGlobalRoot,
            totalChains,
            (uint)leaves.Length,
            (uint)leafIndex,
            MerkleTree.BuildPath(leaves, leafIndex),
            groupId,
            (uint)regionGroups.Length,
            (uint)groupIndex,
            MerkleTree.BuildPath(Roots(regionGroups), groupIndex),
            regionId,
            (uint)regions.Length,
            (uint)regionIndex,
            MerkleTree.BuildPath(Roots(regions), regionIndex));
    }

    /// <summary>The roots that pass <paramref name="include"/>, by ascending id; a repeated id is rejected.</summary>
    private static LevelRoot[] Sorted(ReadOnlySpan<LevelRoot> roots, string paramName, string what, Func<LevelRoot, bool> include)
    {
        List<LevelRoot> kept = [];
        foreach (LevelRoot root in roots)
        {
            if (include(root))
            {
                kept.Add(root);
            }
        }

        LevelRoot[] sorted = [.. kept];
        sorted.AsSpan().Sort(default(HierarchyOrdering.LevelRootById));
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Id == sorted[i - 1].Id)
            {
                throw Error.Invalid(paramName, $"{what} id {sorted[i].Id} appears more than once.");
            }
        }

        return sorted;
    }

    private static int IndexOf(LevelRoot[] sorted, uint id, string paramName, string what)
    {
        int index = Array.FindIndex(sorted, r => r.Id == id);
        return index >= 0 ? index : throw Error.Invalid(paramName, $"has no root for {what} {id}.");
    }

    private static Hash32[] Roots(LevelRoot[] sorted) => Array.ConvertAll(sorted, r => r.Root);
}
