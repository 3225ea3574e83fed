// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Tests.Hierarchy;

/// <summary>
/// Verifies the block builder: for several network shapes every chain's path verifies against the
/// global root; the roots equal those of the per-level primitives the service uses
/// (<see cref="GroupRoot"/>, <see cref="RegionRoot"/>, <see cref="GlobalRoot"/>); input order does
/// not matter; empty groups and regions are omitted; bad inputs are rejected naming the parameter.
/// </summary>
public sealed class BlockHierarchyTests
{
    public static TheoryData<string> Shapes => ["1 chain", "1,001 chains", "10,001 chains", "uneven"];

    private static (ChainEntry[] Chains, int Groups, int Regions) Shape(string name) => name switch
    {
        "1 chain" => (HierarchyNetworks.Sequential(1, 1_000), 1, 1),
        "1,001 chains" => (HierarchyNetworks.Sequential(1_001, 1_000), 2, 1),
        "10,001 chains" => (HierarchyNetworks.Sequential(10_001, 1_000), 11, 2),
        "uneven" => (HierarchyNetworks.Uneven((0, 1), (1, 1_000), (3, 2), (9, 17), (10, 999), (25, 3), (26, 1), (40, 64), (70, 5), (71, 6), (72, 7)), 11, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryChainsPath_Verifies(string shape)
    {
        (ChainEntry[] chains, int groups, int regions) = Shape(shape);
        BlockHierarchy block = BlockHierarchy.Build(7, HierarchyNetworks.BlockHash, HierarchyNetworks.Filled(0x99), chains, HierarchyNetworks.Fast);
        Assert.Equal(groups, block.GroupRoots.Count);
        Assert.Equal(regions, block.RegionRoots.Count);
        Assert.Equal((ulong)chains.Length, block.TotalChains);

        foreach (ChainEntry chain in chains)
        {
            HierarchyPath path = block.GetPath(chain.ChainId);
            Assert.Equal(chain.GroupId, path.GroupId);
            HierarchyVerificationResult result = HierarchyPathVerifier.Verify(
                path, chain.ChainId, 7, chain.Commitment, block.GlobalRoot, HierarchyNetworks.Fast);
            Assert.True(result.IsValid, $"{shape}: chain {chain.ChainId}: {result.Reason}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FirstAndLastChains_VerifyWithDefaultIterations(string shape)
    {
        (ChainEntry[] chains, _, _) = Shape(shape);
        BlockHierarchy block = BlockHierarchy.Build(7, HierarchyNetworks.BlockHash, Hash32.Zero, chains, HierarchyParameters.Default);
        foreach (ChainEntry chain in new[] { chains[0], chains[^1] })
        {
            HierarchyPath decoded = HierarchyPath.Decode(block.GetPath(chain.ChainId).Encode());
            HierarchyVerificationResult result = HierarchyPathVerifier.Verify(decoded, chain.ChainId, 7, chain.Commitment, block.GlobalRoot);
            Assert.True(result.IsValid, result.Reason);
            Assert.Equal(block.GlobalRoot, result.ComputedGlobalRoot);
        }
    }

    [Fact]
    public void Roots_EqualThePerLevelPrimitives()
    {
        ChainEntry[] chains = HierarchyNetworks.Uneven((0, 3), (1, 5), (2, 1), (13, 4), (30, 2));
        HierarchyParameters parameters = HierarchyNetworks.Fast;
        BlockHierarchy block = BlockHierarchy.Build(11, HierarchyNetworks.BlockHash, HierarchyNetworks.Filled(0x42), chains, parameters);

        LevelRoot[] groups = chains.GroupBy(c => c.GroupId)
            .Select(g => new LevelRoot(g.Key, GroupRoot.Compute(g.Key, 11, g.Select(c => new GroupMember(c.ChainId, c.Commitment)).ToArray(), parameters.GroupIterations)))
            .ToArray();
        Assert.Equal(groups, block.GroupRoots);

        LevelRoot[] regions = groups.GroupBy(g => g.Id / 10)
            .Select(r => new LevelRoot(r.Key, RegionRoot.Compute(r.Key, 11, r.ToArray(), parameters.RegionIterations)))
            .ToArray();
        Assert.Equal([0u, 1u, 3u], regions.Select(r => r.Id));
        Assert.Equal(regions, block.RegionRoots);

        Hash32 global = GlobalRoot.Compute(11, HierarchyNetworks.BlockHash, HierarchyNetworks.Filled(0x42), (ulong)chains.Length, regions, parameters.GlobalIterations);
        Assert.Equal(global, block.GlobalRoot);
    }

    [Fact]
    public void InputOrder_DoesNotMatter()
    {
        ChainEntry[] chains = HierarchyNetworks.Uneven((0, 10), (1, 7), (12, 3), (20, 1));
        Hash32 root = BlockHierarchy.Build(3, HierarchyNetworks.BlockHash, Hash32.Zero, chains, HierarchyNetworks.Fast).GlobalRoot;
        for (int seed = 0; seed < 5; seed++)
        {
            ChainEntry[] shuffled = chains.ToArray();
            new Random(seed).Shuffle(shuffled);
            BlockHierarchy block = BlockHierarchy.Build(3, HierarchyNetworks.BlockHash, Hash32.Zero, shuffled, HierarchyNetworks.Fast);
            Assert.Equal(root, block.GlobalRoot);
            Assert.Equal(
                Convert.ToHexString(BlockHierarchy.Build(3, HierarchyNetworks.BlockHash, Hash32.Zero, chains, HierarchyNetworks.Fast).GetPath(chains[5].ChainId).Encode()),
                Convert.ToHexString(block.GetPath(chains[5].ChainId).Encode()));
        }
    }

    [Fact]
    public void BlockFields_AllEnterTheGlobalRoot()
    {
        ChainEntry[] chains = HierarchyNetworks.Sequential(5, 2);
        Hash32 root = BlockHierarchy.Build(3, HierarchyNetworks.BlockHash, Hash32.Zero, chains, HierarchyNetworks.Fast).GlobalRoot;
        Assert.NotEqual(root, BlockHierarchy.Build(4, HierarchyNetworks.BlockHash, Hash32.Zero, chains, HierarchyNetworks.Fast).GlobalRoot);
        Assert.NotEqual(root, BlockHierarchy.Build(3, HierarchyNetworks.Filled(1), Hash32.Zero, chains, HierarchyNetworks.Fast).GlobalRoot);
        Assert.NotEqual(root, BlockHierarchy.Build(3, HierarchyNetworks.BlockHash, HierarchyNetworks.Filled(1), chains, HierarchyNetworks.Fast).GlobalRoot);
        Assert.NotEqual(root, BlockHierarchy.Build(3, HierarchyNetworks.BlockHash, Hash32.Zero, chains[..4], HierarchyNetworks.Fast).GlobalRoot);
        ChainEntry[] moved = chains.ToArray();
        moved[4] = moved[4] with { GroupId = 5 };
        Assert.NotEqual(root, BlockHierarchy.Build(3, HierarchyNetworks.BlockHash, Hash32.Zero, moved, HierarchyNetworks.Fast).GlobalRoot);
    }

    [Fact]
    public void BadInputs_AreRejected_NamingTheParameter()
    {
        ChainEntry[] chains = HierarchyNetworks.Sequential(4, 2);
        Assert.Throws<ArgumentException>("chains", () => BlockHierarchy.Build(1, HierarchyNetworks.BlockHash, Hash32.Zero, [], HierarchyNetworks.Fast));
        Assert.Throws<ArgumentException>("chains", () => BlockHierarchy.Build(1, HierarchyNetworks.BlockHash, Hash32.Zero, [.. chains, chains[1] with { Commitment = Hash32.Zero }], HierarchyNetworks.Fast));
        Assert.Throws<ArgumentException>("chains", () => BlockHierarchy.Build(1, HierarchyNetworks.BlockHash, Hash32.Zero, [.. chains, chains[1] with { GroupId = 9 }], HierarchyNetworks.Fast));
        Assert.Throws<ArgumentException>("chains", () => BlockHierarchy.Build(1, HierarchyNetworks.BlockHash, Hash32.Zero, chains, new HierarchyParameters(1, 10, 1, 1, 1)));
        Assert.Throws<ArgumentNullException>("parameters", () => BlockHierarchy.Build(1, HierarchyNetworks.BlockHash, Hash32.Zero, chains, null!));

        BlockHierarchy block = BlockHierarchy.Build(1, HierarchyNetworks.BlockHash, Hash32.Zero, chains, HierarchyNetworks.Fast);
        Assert.True(block.Contains(chains[0].ChainId));
        Assert.False(block.Contains(HierarchyNetworks.Filled(3)));
        Assert.Throws<ArgumentException>("chainId", () => block.GetPath(HierarchyNetworks.Filled(3)));
    }
}
