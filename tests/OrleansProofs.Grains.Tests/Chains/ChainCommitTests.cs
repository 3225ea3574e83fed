// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Chains;

/// <summary>
/// A chain's commits, driven directly: the head's block again returns the stored commitment; a
/// different hash there, an older height, or a skipped height without its block is rejected and
/// changes nothing; skipped heights given with their blocks become explicit gap records that verify.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChainCommitTests(ClusterFixture fixture)
{
    [Fact]
    public async Task CommitsAreIdempotentPerHeightAndSkippedHeightsBecomeGaps()
    {
        TestNetwork network = new(fixture, "commit");
        await network.AnnounceAsync(20);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(50_000, seed: 21));
        await network.AnnounceAsync(21);
        ChainInfo atHead = await chain.GetInfoAsync();

        ChainCommit repeated = await chain.CommitAsync(Ticket(network, 21));
        Assert.Equal(atHead.HeadCommitment, repeated.Commitment);
        Assert.Equal(ChainRecordKind.Commit, repeated.Kind);

        await GrainAssert.RejectsAsync("ticket", () => chain.CommitAsync(Ticket(network, 21) with { BlockHash = network.HashAt(9_999) }));
        await GrainAssert.RejectsAsync("ticket", () => chain.CommitAsync(Ticket(network, 20)));
        ArgumentException gap = await GrainAssert.RejectsAsync("ticket", () => chain.CommitAsync(Ticket(network, 23)));
        Assert.Contains("22..22", gap.Message);
        ChainInfo unchanged = await chain.GetInfoAsync();
        Assert.Equal(atHead.HeadCommitment, unchanged.HeadCommitment);
        Assert.Equal(atHead.Window.ToArray(), unchanged.Window.ToArray());

        ChainCommit afterGap = await chain.CommitAsync(Ticket(network, 23) with { Missed = [new BlockRef(22, network.HashAt(22))] });

        ChainInfo info = await chain.GetInfoAsync();
        Assert.Equal(ChainRecordKind.Commit, afterGap.Kind);
        Assert.Equal(3UL, info.ChainLength);
        Assert.Equal(1UL, info.Faults);
        Assert.Equal([ChainRecordKind.Commit, ChainRecordKind.Gap, ChainRecordKind.Commit], info.Window.Select(r => r.Kind));
        Dictionary<ulong, BlockData> blocks = new(network.Blocks) { [22] = new(network.HashAt(22)), [23] = new(network.HashAt(23)) };
        var evidence = ReplicaEvidence.Read(fixture.ReplicaPath(registration.ChainId), info.Window);
        ChainVerificationResult verified = ChainVerifier.Verify(info.Header!, ConsensusParameters.Dev, blocks, info.Window, evidence);
        Assert.True(verified.IsValid, verified.ToString());
        Assert.Equal(1, verified.Gaps);
        Assert.Equal(afterGap.Commitment, verified.HeadCommitment);
    }

    [Fact]
    public async Task UnregisteredChainCannotCommit()
    {
        TestNetwork network = new(fixture, "unregistered");
        IChainGrain chain = fixture.Cluster.GrainFactory.GetGrain<IChainGrain>(network.HashAt(1).ToString());
        Assert.Equal(ChainStatus.Unregistered, (await chain.GetInfoAsync()).Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => chain.CommitAsync(Ticket(network, 1)));
    }

    private static BlockTicket Ticket(TestNetwork network, ulong height) =>
        new(height, network.HashAt(height), BlockEntropy.Compute(network.HashAt(height), null, height), ConsensusParameters.Dev.ChunksPerBlock, []);
}
