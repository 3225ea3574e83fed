// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Aggregation;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Aggregation;

/// <summary>
/// The same node (key, files, parameters with two chains per group and two groups per region) on
/// one silo and on two silos, driven with the same blocks: every block's global, group and region
/// roots are identical, equal to Core's <see cref="BlockHierarchy.Build"/> over the chains' records,
/// every chain's path verifies against the recorded global root, and the pair's group and region
/// activations landed on both of its silos.
/// </summary>
[Collection(AggregationCollection.Name)]
public sealed class TwoSiloAggregationTests(AggregationFixture fixture)
{
    [Fact]
    public async Task RootsAreIdenticalOnOneAndTwoSilos_AndTheWorkSpreadsOverBothSilos()
    {
        const string Network = "agg-two-silos";
        AggregationDriver driver = new(fixture, Network, chains: 9);
        List<BlockRecord> single = await driver.DriveAsync(fixture.Single);
        List<BlockRecord> pair = await driver.DriveAsync(fixture.Pair);

        Assert.Equal(single.Count, pair.Count);
        for (int i = 0; i < single.Count; i++)
        {
            AssertSameRoots(single[i], pair[i]);
        }

        // Five chains, then nine: 2+2+1 chains in groups 0-2 (regions 0, 1), then 2+2+2+2+1 in groups 0-4 (regions 0-2).
        Assert.Equal([0UL, 5, 5, 9, 9, 9], pair.Select(r => r.TotalChains));
        Assert.Equal([0u, 1, 2, 3, 4], pair[^1].Groups.Select(g => g.Id));
        Assert.Equal([0u, 1, 2], pair[^1].Regions.Select(r => r.Id));
        Assert.Equal([0u, 1], pair[1].Regions.Select(r => r.Id));

        await AssertMatchesBlockHierarchyAndPathsVerify(driver, pair[^1]);
        await AssertMatchesBlockHierarchyAndPathsVerify(driver, pair[2]);

        IManagementGrain management = fixture.Pair.GrainFactory.GetGrain<IManagementGrain>(0);
        List<DetailedGrainStatistic> activations = [.. (await management.GetDetailedGrainStatistics())
            .Where(s => (s.GrainType.Contains(nameof(GroupGrain), StringComparison.Ordinal) || s.GrainType.Contains(nameof(RegionGrain), StringComparison.Ordinal))
                && s.GrainId.ToString().Contains(Network, StringComparison.Ordinal))];
        Assert.Equal(5 + 3, activations.Count);
        Assert.Equal(2, activations.Select(s => s.SiloAddress).Distinct().Count());
    }

    private static void AssertSameRoots(BlockRecord expected, BlockRecord actual)
    {
        Assert.Equal(expected.Height, actual.Height);
        Assert.Equal(expected.GlobalRoot, actual.GlobalRoot);
        Assert.Equal(expected.PreviousGlobalRoot, actual.PreviousGlobalRoot);
        Assert.Equal(expected.TotalChains, actual.TotalChains);
        Assert.Equal(expected.Groups.ToArray(), actual.Groups.ToArray());
        Assert.Equal(expected.Regions.ToArray(), actual.Regions.ToArray());

        // The VDF point (and so the signature) is each node run's own: only the roots are deterministic.
        Assert.Equal(expected.ProverPublicKey, actual.ProverPublicKey);
        ProverPublicKey prover = new(actual.ProverPublicKey.Bytes);
        Assert.True(expected.ToAttestation().VerifySignature(prover, expected.Signature.AsSpan()));
        Assert.True(actual.ToAttestation().VerifySignature(prover, actual.Signature.AsSpan()));
        Assert.True(actual.VdfIterations > 0);
    }

    /// <summary>
    /// Rebuilds the block with Core's BlockHierarchy from every chain's record (group ids from the
    /// served paths) and checks the recorded roots equal it; every chain's served path verifies.
    /// </summary>
    private async Task AssertMatchesBlockHierarchyAndPathsVerify(AggregationDriver driver, BlockRecord record)
    {
        IBlockIngressGrain ingress = fixture.Pair.GrainFactory.GetGrain<IBlockIngressGrain>("agg-two-silos");
        HierarchyParameters parameters = AggregationFixture.SmallGroups.ToHierarchyParameters();
        List<ChainEntry> entries = [];
        foreach (Hash32 chainId in driver.ChainIds.Take((int)record.TotalChains))
        {
            ChainRecord chainRecord = Assert.IsType<ChainRecord>(await fixture.Pair.GrainFactory.GetGrain<IChainGrain>(chainId.ToString()).GetRecordAsync(record.Height));
            HierarchyPath path = await ingress.GetHierarchyPathAsync(chainId, record.Height);
            HierarchyVerificationResult verified = HierarchyPathVerifier.Verify(path, chainId, record.Height, chainRecord.Commitment, record.GlobalRoot, parameters);
            Assert.True(verified.IsValid, $"path of {chainId} at {record.Height}: {verified.Reason}");
            entries.Add(new ChainEntry(chainId, path.GroupId, chainRecord.Commitment));
        }

        BlockHierarchy hierarchy = BlockHierarchy.Build(record.Height, record.BlockHash, record.PreviousGlobalRoot, [.. entries], parameters);
        Assert.Equal(hierarchy.GlobalRoot, record.GlobalRoot);
        Assert.Equal(hierarchy.GroupRoots.Select(g => new LevelRootData(g.Id, g.Root)), record.Groups.ToArray());
        Assert.Equal(hierarchy.RegionRoots.Select(r => new LevelRootData(r.Id, r.Root)), record.Regions.ToArray());
    }
}
