// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// All hierarchy roots of one block, computed from every covered chain's (chain id, group id,
/// commitment), and the <see cref="HierarchyPath"/> of any of those chains. Groups and regions with
/// no chain at the block are simply absent (their ids leave gaps; counts and indices are over the
/// present ones). The result depends only on the set of inputs, never on their order.
/// </summary>
public sealed class BlockHierarchy
{
    private readonly GroupLevel[] _groups;
    private readonly RegionLevel[] _regions;
    private readonly MerkleLevels _regionTree;
    private readonly Dictionary<Hash32, (int Group, int Leaf)> _positions;

    private BlockHierarchy(
        ulong height,
        Hash32 blockHash,
        Hash32 previousGlobalRoot,
        ulong totalChains,
        GroupLevel[] groups,
        RegionLevel[] regions,
        MerkleLevels regionTree,
        Dictionary<Hash32, (int Group, int Leaf)> positions,
        Hash32 globalRoot)
    {
        Height = height;
        BlockHash = blockHash;
        PreviousGlobalRoot = previousGlobalRoot;
        TotalChains = totalChains;
        _groups = groups;
        _regions = regions;
        _regionTree = regionTree;
        _positions = positions;
        GlobalRoot = globalRoot;
    }

    /// <summary>The block height.</summary>
    public ulong Height { get; }

    /// <summary>The layer-1 block hash.</summary>
    public Hash32 BlockHash { get; }

    /// <summary>The previously published global root (zero for the first).</summary>
    public Hash32 PreviousGlobalRoot { get; }

    /// <summary>Chains covered.</summary>
    public ulong TotalChains { get; }

    /// <summary>The block's global root.</summary>
    public Hash32 GlobalRoot { get; }

    /// <summary>Every non-empty group's root, by ascending group id.</summary>
    public IReadOnlyList<LevelRoot> GroupRoots => Array.ConvertAll(_groups, g => new LevelRoot(g.Id, g.Root));

    /// <summary>Every non-empty region's root, by ascending region id.</summary>
    public IReadOnlyList<LevelRoot> RegionRoots => Array.ConvertAll(_regions, r => new LevelRoot(r.Id, r.Root));

    /// <summary>True when <paramref name="chainId"/> is covered by this block.</summary>
    public bool Contains(in Hash32 chainId) => _positions.ContainsKey(chainId);

    /// <summary>
    /// Computes a block's hierarchy. Each chain lists the group it is persisted in; its region is
    /// <c>group_id / GroupsPerRegion</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="chains"/> is empty, lists a chain id twice (in one group or across groups) or
    /// puts more than <see cref="HierarchyParameters.ChainsPerGroup"/> chains in one group.
    /// </exception>
    public static BlockHierarchy Build(
        ulong height, in Hash32 blockHash, in Hash32 previousGlobalRoot, ReadOnlySpan<ChainEntry> chains, HierarchyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (chains.IsEmpty)
        {
            throw Error.Invalid(nameof(chains), "a block's hierarchy needs at least one chain.");
        }

        // Order by group with a primitive sort of (group id, input index) keys, then each group's
        // chain ids with a struct comparer: far cheaper than sorting the 72-byte entries with a delegate.
        ulong[] byGroup = new ulong[chains.Length];
        for (int i = 0; i < chains.Length; i++)
        {
            byGroup[i] = ((ulong)chains[i].GroupId << 32) | (uint)i;
        }

        Array.Sort(byGroup);
        Dictionary<Hash32, (int Group, int Leaf)> positions = new(chains.Length);
        List<GroupLevel> groups = [];
        int start = 0;
        while (start < byGroup.Length)
        {
            uint groupId = (uint)(byGroup[start] >> 32);
            int end = start;
            while (end < byGroup.Length && (uint)(byGroup[end] >> 32) == groupId)
            {
                end++;
            }

            int count = end - start;
            if (count > parameters.ChainsPerGroup)
            {
                throw Error.Invalid(nameof(chains), $"group {groupId} has {count} chains; a group holds at most {parameters.ChainsPerGroup}.");
            }

            Hash32[] ids = new Hash32[count];
            int[] inputIndex = new int[count];
            for (int i = 0; i < count; i++)
            {
                inputIndex[i] = (int)unchecked((uint)byGroup[start + i]);
                ids[i] = chains[inputIndex[i]].ChainId;
            }

            ids.AsSpan().Sort(inputIndex.AsSpan(), default(HierarchyOrdering.ChainIdOrder));
            Hash32[] leaves = new Hash32[count];
            for (int i = 0; i < count; i++)
            {
                if (!positions.TryAdd(ids[i], (groups.Count, i)))
                {
                    throw Error.Invalid(nameof(chains), $"chain {ids[i]} is listed more than once.");
                }

                leaves[i] = ChainLeaf.Compute(ids[i], height, chains[inputIndex[i]].Commitment);
            }

            MerkleLevels tree = new(leaves);
            Hash32 seed = GroupRoot.ComputeSeed(groupId, height, (uint)count, tree.Root);
            groups.Add(new GroupLevel(groupId, tree, IteratedHash.Compute(seed, parameters.GroupIterations)));
            start = end;
        }

        // Groups are sorted by id, so each region's groups are a consecutive run, and regions come out sorted too.
        List<RegionLevel> regions = [];
        start = 0;
        while (start < groups.Count)
        {
            uint regionId = GroupAssignment.RegionOf(groups[start].Id, parameters.GroupsPerRegion);
            int end = start;
            while (end < groups.Count && GroupAssignment.RegionOf(groups[end].Id, parameters.GroupsPerRegion) == regionId)
            {
                groups[end].RegionIndex = regions.Count;
                groups[end].IndexInRegion = end - start;
                end++;
            }

            Hash32[] groupRoots = new Hash32[end - start];
            for (int i = 0; i < groupRoots.Length; i++)
            {
                groupRoots[i] = groups[start + i].Root;
            }

            MerkleLevels tree = new(groupRoots);
            Hash32 seed = RegionRoot.ComputeSeed(regionId, height, (uint)groupRoots.Length, tree.Root);
            regions.Add(new RegionLevel(regionId, tree, IteratedHash.Compute(seed, parameters.RegionIterations)));
            start = end;
        }

        MerkleLevels regionTree = new(regions.ConvertAll(r => r.Root).ToArray());
        ulong totalChains = (ulong)chains.Length;
        Hash32 globalSeed = Hierarchy.GlobalRoot.ComputeSeed(
            height, blockHash, previousGlobalRoot, totalChains, (uint)regions.Count, regionTree.Root);
        Hash32 globalRoot = IteratedHash.Compute(globalSeed, parameters.GlobalIterations);

        return new BlockHierarchy(
            height, blockHash, previousGlobalRoot, totalChains, [.. groups], [.. regions], regionTree, positions, globalRoot);
    }

    /// <summary>The inclusion path of <paramref name="chainId"/> in this block's global root.</summary>
    /// <exception cref="ArgumentException"><paramref name="chainId"/> is not covered by this block.</exception>
    public HierarchyPath GetPath(in Hash32 chainId)
    {
        if (!_positions.TryGetValue(chainId, out (int Group, int Leaf) position))
        {
            throw Error.Invalid(nameof(chainId), $"chain {chainId} is not covered by the hierarchy of block {Height}.");
        }

        GroupLevel group = _groups[position.Group];
        RegionLevel region = _regions[group.RegionIndex];
        return new HierarchyPath(
            Height,
            BlockHash,
            PreviousGlobalRoot,
            TotalChains,
            (uint)group.Tree.LeafCount,
            (uint)position.Leaf,
            group.Tree.Path(position.Leaf),
            group.Id,
            (uint)region.Tree.LeafCount,
            (uint)group.IndexInRegion,
            region.Tree.Path(group.IndexInRegion),
            region.Id,
            (uint)_regions.Length,
            (uint)group.RegionIndex,
            _regionTree.Path(group.RegionIndex));
    }

    /// <summary>One non-empty group: the Merkle tree of its chain leaves in chain-id order, and its root.</summary>
    private sealed class GroupLevel(uint id, MerkleLevels tree, Hash32 root)
    {
        public uint Id { get; } = id;

        public MerkleLevels Tree { get; } = tree;

        public Hash32 Root { get; } = root;

        public int RegionIndex { get; set; }

        public int IndexInRegion { get; set; }
    }

    /// <summary>One non-empty region: the Merkle tree of its group roots in group-id order, and its root.</summary>
    private sealed class RegionLevel(uint id, MerkleLevels tree, Hash32 root)
    {
        public uint Id { get; } = id;

        public MerkleLevels Tree { get; } = tree;

        public Hash32 Root { get; } = root;
    }

    /// <summary>
    /// Every level of one Merkle tree (<see cref="MerkleTree"/>'s rules), kept so that a path is
    /// read off in O(log n) instead of rebuilding the tree per chain.
    /// </summary>
    private sealed class MerkleLevels
    {
        private readonly Hash32[][] _levels;

        public MerkleLevels(Hash32[] leaves)
        {
            List<Hash32[]> levels = [leaves];
            while (levels[^1].Length > 1)
            {
                Hash32[] level = levels[^1];
                Hash32[] parents = new Hash32[(level.Length + 1) / 2];
                MerkleTree.ReduceLevel(level, parents);
                levels.Add(parents);
            }

            _levels = [.. levels];
        }

        public int LeafCount => _levels[0].Length;

        public Hash32 Root => _levels[^1][0];

        public Hash32[] Path(int index)
        {
            List<Hash32> siblings = [];
            for (int level = 0; level < _levels.Length - 1; level++, index /= 2)
            {
                if (MerkleTree.HasSibling(index, _levels[level].Length))
                {
                    siblings.Add(_levels[level][index ^ 1]);
                }
            }

            return [.. siblings];
        }
    }
}
