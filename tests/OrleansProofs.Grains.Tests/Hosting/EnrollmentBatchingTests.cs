// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// Enrollments that arrive together share roster writes: the roster row in SQLite counts its writes
/// (Orleans AdoNet bumps the row's version on each), so N enrollments delivered at once must cost far
/// fewer than N writes — one write per enrollment, as before batching, fails this test. (Enrollments
/// are sent straight to the ingress so that they really arrive together; a registration's replica
/// encoding spreads arrivals out, and with them the batches.)
/// </summary>
public sealed class EnrollmentBatchingTests
{
    [Fact]
    public async Task EnrollmentsArrivingTogetherShareRosterWrites()
    {
        const string Network = "batching";
        const int Chains = 40;
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [NodeHost.ChainSection + ":Source"] = BlockSourceOptions.NoSource,
            [NodeHost.ChainSection + ":Network"] = Network,
        });
        await node.StartAsync();
        IBlockIngressGrain ingress = node.Grains.GetGrain<IBlockIngressGrain>(Network);
        BlockAnnouncement first = new(1, DevBlockSource.HashAt("batching", Network, 1), 1_700_000_000);
        Assert.True((await ingress.OnBlockAsync(first)).IsAccepted);
        long before = Writes(node, "roster", Network);
        long blockStateWrites = Writes(node, "ingress", Network);

        ChainPlacement[] placements = await Task.WhenAll(Enumerable.Range(0, Chains).Select(i =>
            ingress.EnrollChainAsync(new ChainEnrollment(Sha256.Hash([(byte)i, 7]), 1, first.BlockHash))));

        Assert.All(placements, p => Assert.False(p.IsStale));
        Assert.All(placements, p => Assert.Equal(2UL, p.ActivationHeight));
        Assert.Equal((ulong)Chains, (await ingress.GetStatsAsync()).TotalChains);
        long writes = Writes(node, "roster", Network) - before;
        Assert.InRange(writes, 1, Chains / 4);

        // The roster is its own row: enrolling does not rewrite the block records' row (and a block does
        // not rewrite the roster's).
        Assert.Equal(blockStateWrites, Writes(node, "ingress", Network));

        // Enrolling the same chains again is answered from the roster: no write.
        await Task.WhenAll(Enumerable.Range(0, Chains).Select(i =>
            ingress.EnrollChainAsync(new ChainEnrollment(Sha256.Hash([(byte)i, 7]), 1, first.BlockHash))));
        Assert.Equal(before + writes, Writes(node, "roster", Network));
    }

    /// <summary>The write count (version) of the ingress's state row named <paramref name="stateName"/>; 0 before its first write.</summary>
    private static long Writes(EmbeddedNode node, string stateName, string network) =>
        node.Query($"SELECT Version FROM OrleansStorage WHERE GrainTypeString = '{stateName}' AND GrainIdExtensionString = '{network}'") is [var row, ..]
            ? (long)row[0]!
            : 0;
}
