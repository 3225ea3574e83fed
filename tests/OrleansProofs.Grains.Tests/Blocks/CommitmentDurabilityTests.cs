// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Grains.Storage;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Blocks;

/// <summary>
/// DESIGN.md §5 invariant 2: a block is published only after every commitment it covers is durable
/// (in the commitment log, one batch per block), and a chain's head survives its activation through
/// the log, not through a grain-state write per block.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CommitmentDurabilityTests(ClusterFixture fixture)
{
    private static FaultInjectingCommitmentLog Log => FaultInjectingCommitmentLog.Shared;

    [Fact]
    public async Task ABlockWhoseRecordsCannotBeLoggedIsNotPublishedAndARetryPublishesIt()
    {
        TestNetwork network = new(fixture, "outage");
        await network.AnnounceAsync(40);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(30_000, seed: 41));
        Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(41)).Outcome);

        Log.FailingNetworks[network.Name] = true;
        try
        {
            await Assert.ThrowsAsync<IOException>(() => network.Ingress.OnBlockAsync(network.At(42)));
        }
        finally
        {
            Log.FailingNetworks.TryRemove(network.Name, out _);
        }

        // Nothing was published for 42, and the log has no record of it.
        Assert.Equal(41UL, (await network.Ingress.GetLatestAsync())!.Height);
        Assert.Null(await network.Ingress.GetBlockAsync(42));
        Assert.Empty(await Log.ReadHeightAsync(network.Name, 42));

        // The adapter announces 42 again: the chain answers from its head, the log takes the same record.
        BlockResult retried = await network.AnnounceAsync(42);
        Assert.Equal(BlockOutcome.Recorded, retried.Outcome);
        IReadOnlyList<CommitmentLogEntry> logged = await Log.ReadChainAsync(network.Name, registration.GroupId, registration.ChainId, 40);
        Assert.Equal([41UL, 42UL], logged.Select(e => e.Record.Height));
        ChainInfo info = await chain.GetInfoAsync();
        Assert.Equal(info.HeadCommitment, logged[^1].Record.Commitment);
        Assert.Equal(logged[0].Record.Commitment, logged[1].Record.PreviousCommitment);

        // Block 41's path is rebuilt from the log (42 is the in-memory one) and reaches 41's global root.
        Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(43)).Outcome);
        BlockRecord block41 = (await network.Ingress.GetBlockAsync(41))!;
        HierarchyPath path = await network.Ingress.GetHierarchyPathAsync(registration.ChainId, 41);
        HierarchyVerificationResult verified = HierarchyPathVerifier.Verify(
            path, registration.ChainId, 41, logged[0].Record.Commitment, block41.GlobalRoot, ConsensusParameters.Dev.ToHierarchyParameters());
        Assert.True(verified.IsValid, verified.ToString());
    }

    [Fact]
    public async Task AReactivatedChainRestoresItsHeadAndWindowFromTheLog()
    {
        TestNetwork network = new(fixture, "replay");
        await network.AnnounceAsync(50);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(30_000, seed: 51));
        for (ulong height = 51; height <= 56; height++)
        {
            Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(height)).Outcome);
        }

        ChainInfo before = await chain.GetInfoAsync();
        await chain.DeactivateAsync();
        ChainInfo after = await chain.GetInfoAsync();

        Assert.Equal(56UL, after.HeadHeight);
        Assert.Equal(before.HeadCommitment, after.HeadCommitment);
        Assert.True(before.Window.SequenceEqual(after.Window), "the window replayed from the log differs");
        Assert.Equal(6, (await Log.ReadChainAsync(network.Name, registration.GroupId, registration.ChainId, 50)).Count);
        Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(57)).Outcome);
        Assert.Equal(after.HeadCommitment, (await chain.GetRecordAsync(57))!.PreviousCommitment);
    }
}
