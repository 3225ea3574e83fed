// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Chains;

/// <summary>
/// A chain holds its replica open only while active: after deactivation no handle of the process
/// points at the file, it can be deleted, and the next commit re-opens it (a commit, not a gap).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChainDeactivationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DeactivationReleasesTheReplicaAndTheNextCommitReopensIt()
    {
        TestNetwork network = new(fixture, "deactivate");
        await network.AnnounceAsync(30);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(30_000, seed: 31));
        await network.AnnounceAsync(31);
        string replica = fixture.ReplicaPath(registration.ChainId);
        Assert.True(ReplicaEvidence.IsOpenInThisProcess(replica), "the active chain reads its replica through an open store");

        await chain.DeactivateAsync();
        // Phase barrier: a call to a deactivating grain is served by a new activation only after
        // the old one finished OnDeactivateAsync.
        Assert.Equal(31UL, (await chain.GetInfoAsync()).HeadHeight);

        Assert.False(ReplicaEvidence.IsOpenInThisProcess(replica), $"chain {registration.ChainId} still holds {replica} after deactivation");
        string backup = replica + ".backup";
        File.Copy(replica, backup);
        File.Delete(replica);
        Assert.False(File.Exists(replica));
        File.Move(backup, replica);

        BlockResult next = await network.AnnounceAsync(32);

        Assert.Equal(0UL, next.Record!.Faults);
        Assert.True(ReplicaEvidence.IsOpenInThisProcess(replica), "the next commit re-opens the replica");
        ChainInfo info = await chain.GetInfoAsync();
        Assert.Equal([ChainRecordKind.Commit, ChainRecordKind.Commit], info.Window.Select(r => r.Kind));
        var evidence = ReplicaEvidence.Read(replica, info.Window);
        Assert.True(ChainVerifier.Verify(info.Header!, ConsensusParameters.Dev, network.Blocks, info.Window, evidence).IsValid);
    }

    [Fact]
    public async Task TheProofWindowIsReadFromTheLogAndIsTheSameAfterReactivation()
    {
        TestNetwork network = new(fixture, "window");
        await network.AnnounceAsync(70);
        (IChainGrain chain, _) = await network.RegisterAsync(network.WriteFile(30_000, seed: 71));
        int size = ConsensusParameters.Dev.ProofWindowBlocks;
        ulong last = 70 + (ulong)size + 3;
        for (ulong height = 71; height <= last; height++)
        {
            await network.AnnounceAsync(height);
        }

        ChainInfo before = await chain.GetInfoAsync();
        await chain.DeactivateAsync();
        ChainInfo after = await chain.GetInfoAsync();

        // The window is the last ProofWindowBlocks records ending at the head, linked, and a fresh
        // activation (which replays its head from the log) serves the same records.
        Assert.Equal(size, before.Window.Length);
        Assert.Equal(last, before.Window[^1].Height);
        Assert.Equal(before.HeadCommitment, before.Window[^1].Commitment);
        Assert.True(before.Window.SequenceEqual(after.Window), "the reactivated chain serves the same window records");
        Assert.Equal(last, (await chain.GetRecordAsync(last))!.Height);
        Assert.Null(await chain.GetRecordAsync(last - (ulong)size));
        Assert.All(after.Window.Zip(after.Window.Skip(1)), pair => Assert.Equal(pair.First.Commitment, pair.Second.PreviousCommitment));
    }

    [Fact]
    public async Task TheSummaryAnswersFromStateWithoutReadingTheLog()
    {
        TestNetwork network = new(fixture, "summary");
        await network.AnnounceAsync(80);
        (IChainGrain chain, _) = await network.RegisterAsync(network.WriteFile(30_000, seed: 81));
        for (ulong height = 81; height <= 84; height++)
        {
            await network.AnnounceAsync(height);
        }

        int Reads() => FaultInjectingCommitmentLog.Shared.ChainReads.GetValueOrDefault(network.Name);
        int before = Reads();
        ChainInfo summary = await chain.GetSummaryAsync();

        // Listings, challenge answers and header lookups need no proof window: no log read for them.
        Assert.Equal(before, Reads());
        Assert.Empty(summary.Window);
        ChainInfo info = await chain.GetInfoAsync();
        Assert.Equal(before + 1, Reads());
        Assert.Equal(4, info.Window.Length);
        Assert.Equal((info.Status, info.Header, info.TotalChunks, info.ChainLength, info.HeadHeight, info.HeadCommitment, info.Faults),
            (summary.Status, summary.Header, summary.TotalChunks, summary.ChainLength, summary.HeadHeight, summary.HeadCommitment, summary.Faults));
    }

    [Fact]
    public async Task MissingReplicaRecordsAGapInsteadOfStallingTheBlock()
    {
        TestNetwork network = new(fixture, "missing");
        await network.AnnounceAsync(50);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(network.WriteFile(30_000, seed: 51));
        await network.AnnounceAsync(51);
        await chain.DeactivateAsync();
        string replica = fixture.ReplicaPath(registration.ChainId);
        File.Move(replica, replica + ".away");

        BlockResult missed = await network.AnnounceAsync(52);
        File.Move(replica + ".away", replica);
        BlockResult back = await network.AnnounceAsync(53);

        Assert.Equal(1UL, missed.Record!.Faults);
        Assert.Equal(0UL, back.Record!.Faults);
        ChainInfo info = await chain.GetInfoAsync();
        Assert.Equal(1UL, info.Faults);
        Assert.Equal([ChainRecordKind.Commit, ChainRecordKind.Gap, ChainRecordKind.Commit], info.Window.Select(r => r.Kind));
        var evidence = ReplicaEvidence.Read(replica, info.Window);
        Assert.True(ChainVerifier.Verify(info.Header!, ConsensusParameters.Dev, network.Blocks, info.Window, evidence).IsValid);
    }
}
