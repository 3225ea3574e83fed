// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Blocks;

/// <summary>
/// <see cref="IBlockIngressGrain.GetRecentBlocksAsync"/>: the tail of the retained records, oldest
/// first, all of them when fewer are retained, none before the first block; a count below 1 is refused.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RecentBlocksTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ReturnsTheLatestRecordsOldestFirst()
    {
        TestNetwork network = new(fixture, "recent");
        Assert.Empty(await network.Ingress.GetRecentBlocksAsync(5));
        for (ulong height = 7; height <= 9; height++)
        {
            Assert.True((await network.AnnounceAsync(height)).IsAccepted);
        }

        ImmutableArray<BlockRecord> lastTwo = await network.Ingress.GetRecentBlocksAsync(2);
        Assert.Equal([8UL, 9UL], lastTwo.Select(b => b.Height));
        Assert.Equal(network.HashAt(9), lastTwo[^1].BlockHash);
        Assert.Equal([7UL, 8UL, 9UL], (await network.Ingress.GetRecentBlocksAsync(100)).Select(b => b.Height));
        Assert.Equal([9UL], (await network.Ingress.GetRecentBlocksAsync(1)).Select(b => b.Height));
    }

    [Fact]
    public async Task CountBelowOneIsRefused()
    {
        TestNetwork network = new(fixture, "recent-bad");
        ArgumentOutOfRangeException error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => network.Ingress.GetRecentBlocksAsync(0));
        // The parameter name survives the grain call in the message (Orleans does not carry ParamName across).
        Assert.Contains("count", error.Message);
    }
}
