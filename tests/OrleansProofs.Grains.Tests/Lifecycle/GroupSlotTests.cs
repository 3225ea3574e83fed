// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Blocks;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Lifecycle;

/// <summary>
/// A removed chain frees its group slot at its removal block, and the next chain takes the lowest
/// group with room: pure roster rules at a group capacity of 2, and the silo's roster end to end.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupSlotTests(ClusterFixture fixture)
{
    [Fact]
    public void SlotIsFreedOnlyOnceTheRemovalBlockIsRecorded()
    {
        ChainEntryState[] roster =
        [
            Entry(1, group: 0, removalHeight: 10),
            Entry(2, group: 0),
            Entry(3, group: 1),
            Entry(4, group: 1),
        ];

        Assert.Equal(2U, RosterSlots.AssignGroup(roster, latestHeight: 9, capacity: 2));
        Assert.Equal(0U, RosterSlots.AssignGroup(roster, latestHeight: 10, capacity: 2));
    }

    [Fact]
    public void EmptiedGroupIsRefilledBeforeANewGroupOpens()
    {
        ChainEntryState[] roster =
        [
            Entry(1, group: 0, removalHeight: 5),
            Entry(2, group: 0, removalHeight: 6),
            Entry(3, group: 1),
            Entry(4, group: 1),
        ];

        Assert.Equal(0U, RosterSlots.AssignGroup(roster, latestHeight: 6, capacity: 2));
        Assert.Equal(2U, RosterSlots.AssignGroup(roster, latestHeight: 4, capacity: 2));
        Assert.Equal(0U, RosterSlots.AssignGroup(roster, latestHeight: 5, capacity: 2));

        // Pruned entries leave no trace, yet the id below the highest group is still offered.
        Assert.Equal(0U, RosterSlots.AssignGroup(roster[2..], latestHeight: 6, capacity: 2));
        Assert.Equal(2U, RosterSlots.AssignGroup([.. roster[2..], Entry(5, group: 0), Entry(6, group: 0)], latestHeight: 6, capacity: 2));
        Assert.Equal(0U, RosterSlots.AssignGroup([], latestHeight: 6, capacity: 2));
    }

    [Fact]
    public async Task NewChainTakesTheFreedSlotAndTheRosterCountsOnlyLiveChains()
    {
        TestNetwork network = new(fixture, "slots");
        await network.AnnounceAsync(500);
        (IChainGrain leaving, RegisteredChain first) = await network.RegisterAsync(network.WriteFile(20_000, seed: 501));
        (_, RegisteredChain second) = await network.RegisterAsync(network.WriteFile(20_000, seed: 502));
        await network.AnnounceAsync(501);
        ChainRemovalSchedule schedule = (await leaving.RequestRemovalAsync("make room", archive: false)).Schedule!;
        for (ulong height = 502; height < schedule.RemovalHeight; height++)
        {
            await network.AnnounceAsync(height);
        }

        Assert.Equal(2UL, (await network.Ingress.GetStatsAsync()).TotalChains);
        await network.AnnounceAsync(schedule.RemovalHeight);
        NetworkStats freed = await network.Ingress.GetStatsAsync();
        Assert.Equal((1UL, 1UL), (freed.TotalChains, freed.ActiveChains));

        (_, RegisteredChain third) = await network.RegisterAsync(network.WriteFile(20_000, seed: 503));
        BlockResult next = await network.AnnounceAsync(schedule.RemovalHeight + 1);

        Assert.Equal(first.GroupId, third.GroupId);
        Assert.Equal(second.GroupId, third.GroupId);
        Assert.Equal(2UL, next.Record!.TotalChains);
        Assert.Single(next.Record.Groups);
        NetworkStats stats = await network.Ingress.GetStatsAsync();
        Assert.Equal((2UL, 2UL, 0UL, 1UL), (stats.TotalChains, stats.ActiveChains, stats.PendingChains, stats.TotalGroups));
    }

    private static ChainEntryState Entry(int id, uint group, ulong? removalHeight = null)
    {
        Hash32 chainId = Sha256.Hash([(byte)id]);
        return new ChainEntryState(
            chainId,
            group,
            AnchorHeight: 1,
            Sha256.Hash("anchor"u8),
            Removal: removalHeight is { } at ? new ChainRemovalSchedule(chainId, RemovalKind.Removal, at - 8, at, string.Empty) : null);
    }
}
