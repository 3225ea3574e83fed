// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Tests.Hierarchy;

/// <summary>
/// Verifies that a path built from one group's members and the block's recorded group and region
/// roots is byte-identical to <see cref="BlockHierarchy.GetPath"/>, whatever the input order, and
/// that missing or repeated inputs are rejected naming the parameter.
/// </summary>
public sealed class HierarchyPathBuilderTests
{
    public static TheoryData<string> Shapes => ["1 chain", "2,001 chains", "uneven"];

    private static ChainEntry[] Shape(string name) => name switch
    {
        "1 chain" => HierarchyNetworks.Sequential(1, 1_000),
        "2,001 chains" => HierarchyNetworks.Sequential(2_001, 1_000),
        "uneven" => HierarchyNetworks.Uneven((0, 1), (1, 7), (3, 2), (9, 17), (10, 9), (25, 3), (26, 1), (40, 64), (70, 5), (71, 6), (72, 7)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryPath_EqualsTheBlockHierarchysPath(string shape)
    {
        ChainEntry[] chains = Shape(shape);
        BlockHierarchy block = BlockHierarchy.Build(7, HierarchyNetworks.BlockHash, HierarchyNetworks.Filled(0x99), chains, HierarchyNetworks.Fast);
        LevelRoot[] groupRoots = [.. block.GroupRoots.Reverse()];
        LevelRoot[] regionRoots = [.. block.RegionRoots.Reverse()];
        Dictionary<uint, GroupMember[]> groups = chains.GroupBy(c => c.GroupId)
            .ToDictionary(g => g.Key, g => g.Select(c => new GroupMember(c.ChainId, c.Commitment)).Reverse().ToArray());
        foreach (ChainEntry chain in chains.Where((_, i) => i % 97 == 0 || i == chains.Length - 1))
        {
            HierarchyPath built = HierarchyPathBuilder.Build(
                7, HierarchyNetworks.BlockHash, HierarchyNetworks.Filled(0x99), block.TotalChains, chain.ChainId, chain.GroupId,
                groups[chain.GroupId], groupRoots, regionRoots, HierarchyNetworks.Fast.GroupsPerRegion);
            Assert.Equal(block.GetPath(chain.ChainId).Encode(), built.Encode());
        }
    }

    [Fact]
    public void MissingOrRepeatedInputs_AreRejectedNamingTheParameter()
    {
        ChainEntry[] chains = HierarchyNetworks.Uneven((0, 3), (12, 2));
        BlockHierarchy block = BlockHierarchy.Build(7, HierarchyNetworks.BlockHash, Hash32.Zero, chains, HierarchyNetworks.Fast);
        GroupMember[] group0 = [.. chains.Where(c => c.GroupId == 0).Select(c => new GroupMember(c.ChainId, c.Commitment))];
        LevelRoot[] groups = [.. block.GroupRoots];
        LevelRoot[] regions = [.. block.RegionRoots];

        HierarchyPath Build(Hash32 chainId, GroupMember[] members, LevelRoot[] groupRoots, LevelRoot[] regionRoots, int perRegion = 10) =>
            HierarchyPathBuilder.Build(7, HierarchyNetworks.BlockHash, Hash32.Zero, block.TotalChains, chainId, 0, members, groupRoots, regionRoots, perRegion);

        Assert.Equal(block.GetPath(chains[1].ChainId).Encode(), Build(chains[1].ChainId, group0, groups, regions).Encode());
        Assert.Throws<ArgumentException>("members", () => Build(chains[4].ChainId, group0, groups, regions));
        Assert.Throws<ArgumentException>("members", () => Build(chains[0].ChainId, [.. group0, group0[0]], groups, regions));
        Assert.Throws<ArgumentException>("groupRoots", () => Build(chains[0].ChainId, group0, [groups[1]], regions));
        Assert.Throws<ArgumentException>("groupRoots", () => Build(chains[0].ChainId, group0, [.. groups, groups[0]], regions));
        Assert.Throws<ArgumentException>("regionRoots", () => Build(chains[0].ChainId, group0, groups, [regions[1]]));
        Assert.Throws<ArgumentOutOfRangeException>("groupsPerRegion", () => Build(chains[0].ChainId, group0, groups, regions, 0));
    }
}
