// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Blocks;

/// <summary>
/// The ingress's idempotence and rejections: a repeated block is a no-op returning the existing
/// record; a conflicting hash, a gap or an invalid hash is rejected with its reason and changes
/// neither the ingress nor any chain.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BlockIngressTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DuplicateBlockIsANoOpReturningTheExistingRecord()
    {
        (TestNetwork network, IChainGrain chain) = await NetworkWithOneActiveChainAsync("dup");
        BlockRecord recorded = (await network.Ingress.GetLatestAsync())!;
        ChainInfo before = await chain.GetInfoAsync();

        BlockResult again = await network.AnnounceAsync(11);

        Assert.Equal(BlockOutcome.Duplicate, again.Outcome);
        Assert.Equal(recorded.GlobalRoot, again.Record!.GlobalRoot);
        Assert.Equal(recorded.Signature.ToArray(), again.Record.Signature.ToArray());
        await AssertUnchanged(network, chain, before, latestHeight: 11);
    }

    [Fact]
    public async Task ConflictingHashAtARecordedHeightIsRejectedAndChangesNothing()
    {
        (TestNetwork network, IChainGrain chain) = await NetworkWithOneActiveChainAsync("conflict");
        ChainInfo before = await chain.GetInfoAsync();
        Hash32 other = Sha256.Hash("another block"u8);

        BlockResult atHead = await network.Ingress.OnBlockAsync(network.At(11) with { BlockHash = other });
        BlockResult below = await network.Ingress.OnBlockAsync(network.At(10) with { BlockHash = other });

        Assert.Equal(BlockRejection.ConflictingHash, atHead.Rejection);
        Assert.Contains(network.HashAt(11).ToString(), atHead.Detail);
        Assert.Equal(BlockRejection.ConflictingHash, below.Rejection);
        Assert.Null(atHead.Record);
        await AssertUnchanged(network, chain, before, latestHeight: 11);
        Assert.Equal(network.HashAt(11), (await network.Ingress.GetBlockAsync(11))!.BlockHash);
    }

    [Fact]
    public async Task GapIsRejectedAndTheNextBlockStillRecords()
    {
        (TestNetwork network, IChainGrain chain) = await NetworkWithOneActiveChainAsync("gap");
        ChainInfo before = await chain.GetInfoAsync();

        BlockResult gap = await network.AnnounceAsync(13);

        Assert.Equal(BlockOutcome.Rejected, gap.Outcome);
        Assert.Equal(BlockRejection.Gap, gap.Rejection);
        Assert.Contains("height 12", gap.Detail);
        await AssertUnchanged(network, chain, before, latestHeight: 11);

        Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(12)).Outcome);
        Assert.Equal(2UL, (await chain.GetInfoAsync()).ChainLength);
    }

    [Fact]
    public async Task ZeroBlockHashIsRejected()
    {
        TestNetwork network = new(fixture, "zero");
        BlockResult result = await network.Ingress.OnBlockAsync(new BlockAnnouncement(5, Hash32.Zero, 0));
        Assert.Equal(BlockRejection.Invalid, result.Rejection);
        Assert.Null(await network.Ingress.GetLatestAsync());
    }

    private async Task<(TestNetwork Network, IChainGrain Chain)> NetworkWithOneActiveChainAsync(string prefix)
    {
        TestNetwork network = new(fixture, prefix);
        Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(10)).Outcome);
        (IChainGrain chain, _) = await network.RegisterAsync(network.WriteFile(20_000, seed: 7));
        Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(11)).Outcome);
        return (network, chain);
    }

    private static async Task AssertUnchanged(TestNetwork network, IChainGrain chain, ChainInfo before, ulong latestHeight)
    {
        Assert.Equal(latestHeight, (await network.Ingress.GetLatestAsync())!.Height);
        ChainInfo after = await chain.GetInfoAsync();
        Assert.Equal(before.HeadHeight, after.HeadHeight);
        Assert.Equal(before.HeadCommitment, after.HeadCommitment);
        Assert.Equal(before.ChainLength, after.ChainLength);
        Assert.Equal(before.Window.ToArray(), after.Window.ToArray());
    }
}
