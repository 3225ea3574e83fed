// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Lifecycle;

/// <summary>
/// Retention expiry from the adapter's block timestamps: a "temporary" chain (30 days in every
/// profile) expires at anchor block time + 30 days exactly; the block reaching it schedules the
/// expiry RemovalDelayBlocks later, and the chain ends Expired and archived, while a "default" chain
/// anchored at the same block stays active.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RetentionExpiryTests(ClusterFixture fixture)
{
    private const ulong Day = 86_400;
    private const ulong AnchorTime = 1_750_000_000;

    [Fact]
    public async Task TemporaryChainExpiresWhenBlockTimeReachesThirtyDaysAfterItsAnchor()
    {
        int days = ConsensusParameters.Dev.RetentionTemporaryDays;
        TestNetwork network = new(fixture, "expiry");
        await network.AnnounceAsync(700, AnchorTime);
        (IChainGrain temporary, RegisteredChain temporaryRegistration) = await network.RegisterAsync(network.WriteFile(20_000, seed: 701), "temporary");
        (IChainGrain standard, _) = await network.RegisterAsync(network.WriteFile(20_000, seed: 702));
        await network.AnnounceAsync(701, AnchorTime + 16);

        await network.AnnounceAsync(702, AnchorTime + ((ulong)days * Day) - 1);
        Assert.Equal(ChainStatus.Active, (await temporary.GetInfoAsync()).Status);

        await network.AnnounceAsync(703, AnchorTime + ((ulong)days * Day));
        ChainInfo expiring = await temporary.GetInfoAsync();
        Assert.Equal(ChainStatus.Removing, expiring.Status);
        ulong removalHeight = 703 + (ulong)ConsensusParameters.Dev.RemovalDelayBlocks;
        Assert.Equal(RemovalKind.Expiry, expiring.Removal!.Kind);
        Assert.Equal(703UL, expiring.Removal.ScheduledAtHeight);
        Assert.Equal(removalHeight, expiring.Removal.RemovalHeight);
        Assert.Contains("retention ended", expiring.Removal.Reason);
        Assert.Equal(RemovalRejection.AlreadyRemoving, (await temporary.RequestRemovalAsync(null, archive: false)).Rejection);

        // Blocks 31 days apart from here on: the default policy (365 days) is still far away.
        ulong time = AnchorTime + ((ulong)days * Day);
        for (ulong height = 704; height <= removalHeight; height++)
        {
            time += 31 * Day / 8;
            BlockResult block = await network.AnnounceAsync(height, time);
            Assert.True((height < removalHeight ? 2UL : 1UL) == block.Record!.TotalChains, $"block {height}: {block.Record.TotalChains} chains");
        }

        ChainInfo expired = await temporary.GetInfoAsync();
        Assert.Equal(ChainStatus.Expired, expired.Status);
        Assert.Equal(removalHeight - 1, expired.HeadHeight);
        Assert.True(File.Exists(Path.Combine(fixture.DataDirectory, "archive", temporaryRegistration.ChainId.ToString(), "manifest.json")), "an expired chain is archived");
        Assert.False(ReplicaEvidence.IsOpenInThisProcess(fixture.ReplicaPath(temporaryRegistration.ChainId)));
        Assert.Equal(RemovalRejection.AlreadyExpired, (await temporary.RequestRemovalAsync(null, archive: false)).Rejection);

        ChainInfo kept = await standard.GetInfoAsync();
        Assert.Equal(ChainStatus.Active, kept.Status);
        Assert.Null(kept.Removal);
        Assert.Equal(removalHeight, kept.HeadHeight);
    }
}
