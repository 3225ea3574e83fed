// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Replica;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Lifecycle;

/// <summary>
/// Operator removal: scheduled at latest + RemovalDelayBlocks (8 in the dev profile); the chain is
/// covered through the block before and not at the removal block, where it becomes Removed, frees
/// its slot and releases its replica (which the test then deletes while the silo runs). Earlier
/// blocks' proofs still verify; a second request or a bad reason is refused and changes nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChainRemovalTests(ClusterFixture fixture)
{
    private static readonly int Delay = ConsensusParameters.Dev.RemovalDelayBlocks;

    [Fact]
    public async Task RemovedChainIsCoveredThroughTheBlockBeforeItsRemovalHeightAndNotAfter()
    {
        TestNetwork network = new(fixture, "remove");
        await network.AnnounceAsync(100);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(20_000, seed: 101));
        await network.AnnounceAsync(101);
        await network.AnnounceAsync(102);

        RemovalResult result = await chain.RequestRemovalAsync("decommissioned", archive: false);

        Assert.True(result.IsScheduled, result.ToString());
        ulong removalHeight = 102 + (ulong)Delay;
        Assert.Equal(new ChainRemovalSchedule(registration.ChainId, RemovalKind.Removal, 102, removalHeight, "decommissioned"), result.Schedule);
        ChainInfo removing = await chain.GetInfoAsync();
        Assert.Equal(ChainStatus.Removing, removing.Status);
        Assert.Equal(result.Schedule, removing.Removal);

        for (ulong height = 103; height < removalHeight; height++)
        {
            BlockResult covered = await network.AnnounceAsync(height);
            Assert.True(1UL == covered.Record!.TotalChains, $"block {height} (before removal at {removalHeight}) must cover the chain");
        }

        ChainInfo last = await chain.GetInfoAsync();
        Assert.Equal(ChainStatus.Removing, last.Status);
        Assert.Equal(removalHeight - 1, last.HeadHeight);

        BlockResult atRemoval = await network.AnnounceAsync(removalHeight);
        await network.AnnounceAsync(removalHeight + 1);

        Assert.Equal(0UL, atRemoval.Record!.TotalChains);
        Assert.Equal(Hash32.Zero, atRemoval.Record.GlobalRoot);
        ChainInfo removed = await chain.GetInfoAsync();
        Assert.Equal(ChainStatus.Removed, removed.Status);
        Assert.Equal(removalHeight - 1, removed.HeadHeight);
        Assert.Equal(last.HeadCommitment, removed.HeadCommitment);
        NetworkStats stats = await network.Ingress.GetStatsAsync();
        Assert.Equal((0UL, 0UL, 0UL), (stats.TotalChains, stats.ActiveChains, stats.TotalGroups));
        await Assert.ThrowsAsync<InvalidOperationException>(() => chain.RegisterAsync(new ChainRegistrationRequest(network.WriteFile(20_000, seed: 101), network.Name)));
    }

    [Fact]
    public async Task RemovedChainsReplicaFilesCanBeDeletedWhileTheSiloRuns()
    {
        TestNetwork network = new(fixture, "release");
        await network.AnnounceAsync(1);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(30_000, seed: 3));
        await network.AnnounceAsync(2);
        string replica = fixture.ReplicaPath(registration.ChainId);
        Assert.True(ReplicaEvidence.IsOpenInThisProcess(replica), "the active chain reads its replica through an open store");

        ChainRemovalSchedule schedule = (await chain.RequestRemovalAsync(null, archive: false)).Schedule!;
        for (ulong height = 3; height <= schedule.RemovalHeight; height++)
        {
            await network.AnnounceAsync(height);
        }

        Assert.Equal(ChainStatus.Removed, (await chain.GetInfoAsync()).Status);
        Assert.False(ReplicaEvidence.IsOpenInThisProcess(replica), $"removed chain {registration.ChainId} still holds {replica}");
        string leaves = ReplicaLeafFile.PathFor(replica);
        File.Delete(replica);
        File.Delete(leaves);
        Assert.False(File.Exists(replica));
        Assert.False(File.Exists(leaves));

        BlockResult after = await network.AnnounceAsync(schedule.RemovalHeight + 1);
        Assert.Equal(BlockOutcome.Recorded, after.Outcome);
        Assert.Equal(0UL, after.Record!.Faults);
    }

    [Fact]
    public async Task EarlierBlocksStillProveBothTheRemovedChainAndItsGroupPeerAfterRemoval()
    {
        TestNetwork network = new(fixture, "paths");
        await network.AnnounceAsync(10);
        (IChainGrain leaving, _) = await network.RegisterAsync(network.WriteFile(20_000, seed: 11));
        (IChainGrain staying, _) = await network.RegisterAsync(network.WriteFile(20_000, seed: 12));
        await network.AnnounceAsync(11);
        ChainRemovalSchedule schedule = (await leaving.RequestRemovalAsync("moved", archive: false)).Schedule!;
        for (ulong height = 12; height <= schedule.RemovalHeight; height++)
        {
            await network.AnnounceAsync(height);
        }

        ulong lastCovered = schedule.RemovalHeight - 1;
        BlockRecord block = (await network.Ingress.GetBlockAsync(lastCovered))!;
        Assert.Equal(2UL, block.TotalChains);
        Assert.True(block.ToAttestation().VerifySignature(fixture.Prover, block.Signature.AsSpan()));
        foreach (IChainGrain chain in new[] { leaving, staying })
        {
            ChainInfo info = await chain.GetInfoAsync();
            HierarchyPath path = await network.Ingress.GetHierarchyPathAsync(info.ChainId, lastCovered);
            Hash32 commitment = info.Window.Single(r => r.Height == lastCovered).Commitment;
            HierarchyVerificationResult verified = HierarchyPathVerifier.Verify(
                path, info.ChainId, lastCovered, commitment, block.GlobalRoot, ConsensusParameters.Dev.ToHierarchyParameters());
            Assert.True(verified.IsValid, $"path of {info.ChainId} at {lastCovered}: {verified}");

            CompactProof proof = ProofBuilder.BuildCompact(info.Header!, [.. info.Window.Where(r => r.Height <= lastCovered)], path, block.ToAttestation(), [.. block.Signature]);
            ProofVerificationContext context = new(fixture.Prover, ConsensusParameters.Dev, network.PublicBlocks) { RegisteredChain = info.Header, ExpectedChainId = info.ChainId };
            ProofVerificationResult result = ProofVerifier.Verify(ProofFormat.Compact, proof.Encode(), context);
            Assert.True(result.IsValid, $"compact proof of {info.ChainId} at {lastCovered}: {result.Reason}");
        }

        Hash32 leavingId = (await leaving.GetInfoAsync()).ChainId;
        await GrainAssert.RejectsAsync("chainId", () => network.Ingress.GetHierarchyPathAsync(leavingId, schedule.RemovalHeight));
        Assert.Equal(1UL, (await network.Ingress.GetBlockAsync(schedule.RemovalHeight))!.TotalChains);
    }

    [Fact]
    public async Task SecondRemovalIsRejectedWithTheExistingScheduleAndChangesNothing()
    {
        TestNetwork network = new(fixture, "twice");
        await network.AnnounceAsync(40);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(20_000, seed: 41));
        await network.AnnounceAsync(41);
        ChainRemovalSchedule first = (await chain.RequestRemovalAsync("first", archive: false)).Schedule!;
        await network.AnnounceAsync(42);
        ChainInfo before = await chain.GetInfoAsync();

        RemovalResult again = await chain.RequestRemovalAsync("second", archive: true);
        RemovalResult viaIngress = await network.Ingress.ScheduleRemovalAsync(registration.ChainId, "third");

        Assert.Equal(RemovalRejection.AlreadyRemoving, again.Rejection);
        Assert.Equal(first, again.Schedule);
        Assert.Contains($"takes effect at block {first.RemovalHeight}", again.Detail);
        Assert.Equal(RemovalRejection.AlreadyRemoving, viaIngress.Rejection);
        ChainInfo after = await chain.GetInfoAsync();
        Assert.Equal(before.Removal, after.Removal);
        Assert.False(after.Archive);
        Assert.Equal("first", after.Removal!.Reason);

        for (ulong height = 43; height <= first.RemovalHeight; height++)
        {
            await network.AnnounceAsync(height);
        }

        RemovalResult afterRemoval = await chain.RequestRemovalAsync(null, archive: false);
        Assert.Equal(RemovalRejection.AlreadyRemoved, afterRemoval.Rejection);
        Assert.Equal(ChainStatus.Removed, (await chain.GetInfoAsync()).Status);
        Assert.False(Directory.Exists(Path.Combine(fixture.DataDirectory, "archive", registration.ChainId.ToString())), "archive was not asked for");
    }

    [Fact]
    public async Task UnknownChainAndBadReasonsAreRejectedAndChangeNothing()
    {
        TestNetwork network = new(fixture, "badremove");
        await network.AnnounceAsync(60);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(20_000, seed: 61));
        await network.AnnounceAsync(61);

        IChainGrain unknown = fixture.Cluster.GrainFactory.GetGrain<IChainGrain>(Sha256.Hash("no such chain"u8).ToString());
        Assert.Equal(RemovalRejection.NotRegistered, (await unknown.RequestRemovalAsync("x", archive: false)).Rejection);
        Assert.Equal(RemovalRejection.NotRegistered, (await network.Ingress.ScheduleRemovalAsync(Sha256.Hash("no such chain"u8), "x")).Rejection);
        ArgumentException tooLong = await GrainAssert.RejectsAsync("reason", () => chain.RequestRemovalAsync(new string('r', ChainRemovalRules.MaxReasonLength + 1), archive: true));
        Assert.Contains("at most 256", tooLong.Message);
        ArgumentException control = await GrainAssert.RejectsAsync("reason", () => chain.RequestRemovalAsync("line\nbreak", archive: true));
        Assert.Contains("U+000A", control.Message);
        await GrainAssert.RejectsAsync("reason", () => network.Ingress.ScheduleRemovalAsync(registration.ChainId, "bell\a"));

        ChainInfo info = await chain.GetInfoAsync();
        Assert.Equal(ChainStatus.Active, info.Status);
        Assert.Null(info.Removal);
        Assert.Equal(1UL, (await network.AnnounceAsync(62)).Record!.TotalChains);
        Assert.True((await chain.RequestRemovalAsync(new string('r', ChainRemovalRules.MaxReasonLength), archive: false)).IsScheduled);
    }
}
