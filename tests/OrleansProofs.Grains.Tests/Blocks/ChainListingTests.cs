// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Blocks;

/// <summary>
/// <see cref="IBlockIngressGrain.ListChainsAsync"/>: the roster in chain id order (not enrollment
/// order) in cursor pages, including chains enrolled after an earlier page was served; a limit outside
/// 1–1000 or the Unregistered status is an <see cref="ArgumentOutOfRangeException"/> naming the query
/// (in the message: the parameter name does not cross the grain call).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChainListingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RosterPagesInChainIdOrder()
    {
        TestNetwork network = new(fixture, "listing");
        await network.AnnounceAsync(1);
        BlockRecord anchor = (await network.Ingress.GetLatestAsync())!;
        Hash32[] enrolled = [.. Enumerable.Range(0, 5).Select(i => Sha256.Hash(System.Text.Encoding.UTF8.GetBytes($"{network.Name}/chain/{i}")))];
        foreach (Hash32 id in enrolled[..4])
        {
            await network.Ingress.EnrollChainAsync(new ChainEnrollment(id, anchor.Height, anchor.BlockHash));
        }

        ChainPage first = await network.Ingress.ListChainsAsync(new ChainListQuery(null, null, 3));
        Assert.Equal(enrolled[..4].Order().Take(3), first.Items.Select(i => i.ChainId));
        Assert.Equal(first.Items[^1].ChainId, first.Next);
        Assert.All(first.Items, i => Assert.Equal((ChainStatus.Pending, 1UL), (i.Status, i.AnchorHeight)));

        // A chain enrolled between pages shows up in its place.
        await network.Ingress.EnrollChainAsync(new ChainEnrollment(enrolled[4], anchor.Height, anchor.BlockHash));
        ChainPage rest = await network.Ingress.ListChainsAsync(new ChainListQuery(ChainStatus.Pending, first.Next, 1000));
        Assert.Equal(enrolled.Order().Where(id => id > first.Next!.Value), rest.Items.Select(i => i.ChainId));
        Assert.Null(rest.Next);
        Assert.Empty((await network.Ingress.ListChainsAsync(new ChainListQuery(ChainStatus.Active, null, 10))).Items);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1001, null)]
    [InlineData(-5, null)]
    [InlineData(10, ChainStatus.Unregistered)]
    public async Task BadQueryIsRefusedNamingIt(int limit, ChainStatus? status)
    {
        TestNetwork network = new(fixture, "listbad");
        ArgumentOutOfRangeException error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => network.Ingress.ListChainsAsync(new ChainListQuery(status, null, limit)));
        Assert.Contains("(Parameter 'query')", error.Message, StringComparison.Ordinal);
    }
}
