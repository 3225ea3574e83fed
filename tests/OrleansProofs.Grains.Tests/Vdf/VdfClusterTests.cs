// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Vdf;

/// <summary>
/// The node's continuous VDF in the cluster: block records carry points at least N iterations apart
/// that descend through the node's signed checkpoint chain (checked by Core's verifiers, by re-execution);
/// a deactivated evaluator resumes from its last durable checkpoint with the restart visible and the
/// chain still verifying; and a record the prover forges with too small a gap or a made-up state is
/// rejected even though the prover's signature on it is genuine.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class VdfClusterTests(ClusterFixture fixture)
{
    private static readonly ConsensusParameters Dev = ConsensusParameters.Dev;
    private static readonly Dictionary<ProverPublicKey, VdfBuffer> Buffers = [];

    private IVdfGrain Vdf => fixture.Cluster.GrainFactory.GetGrain<IVdfGrain>(IVdfGrain.GrainKey);

    [Fact]
    public async Task BlockRecords_CarryPointsAtLeastNApart_ThatDescendThroughTheSignedCheckpoints()
    {
        TestNetwork network = new(fixture, "vdf-records");
        List<BlockRecord> records = await AnnounceAsync(network, 1, 5);

        for (int i = 0; i < records.Count; i++)
        {
            BlockRecord record = records[i];
            Assert.True(record.VdfIterations > 0, $"block {record.Height} carries no VDF point");
            Assert.True(record.ToAttestation().VerifySignature(fixture.Prover, record.Signature.AsSpan()), $"block {record.Height}: signature");
            if (i > 0)
            {
                Assert.True(record.VdfIterations >= records[i - 1].VdfIterations + Dev.VdfMinimumIterationsPerBlock,
                    $"block {record.Height} at {record.VdfIterations} iterations is less than N after {records[i - 1].VdfIterations}");
            }
        }

        List<VdfCheckpoint> chain = await CheckpointsThroughAsync(records[^1].VdfIterations);
        VdfVerificationResult links = ContinuousVdfVerifier.VerifyChain(chain, fixture.Prover);
        Assert.True(links.IsValid, links.ToString());
        for (int i = 1; i < records.Count; i++)
        {
            VdfVerificationResult separation = Separation(records[i - 1], records[i], chain, Dev.VdfMinimumIterationsPerBlock);
            Assert.True(separation.IsValid, $"blocks {records[i - 1].Height}→{records[i].Height}: {separation}");
        }
    }

    [Fact]
    public async Task ARecordLessThanNAfterThePrevious_OrWithAMadeUpState_IsRejectedDespiteAGenuineSignature()
    {
        TestNetwork network = new(fixture, "vdf-attack");
        List<BlockRecord> records = await AnnounceAsync(network, 1, 3);
        BlockRecord previous = records[1];
        BlockRecord honest = records[2];
        List<VdfCheckpoint> chain = await CheckpointsThroughAsync(honest.VdfIterations);
        Assert.True(Separation(previous, honest, chain, Dev.VdfMinimumIterationsPerBlock).IsValid);

        // The prover itself forges: it holds the node key, so its signatures on the forged records are genuine.
        using NodeKey key = NodeKeyFile.Load(Path.Combine(fixture.DataDirectory, "node.key"));
        ulong early = previous.VdfIterations + Dev.VdfMinimumIterationsPerBlock - 1;
        BlockRecord tooEarly = Resign(honest with { VdfIterations = early, VdfState = StateAt(chain, early) }, key);
        BlockRecord madeUp = Resign(honest with { VdfState = Sha256.Hash("no work done"u8) }, key);
        Assert.True(tooEarly.ToAttestation().VerifySignature(fixture.Prover, tooEarly.Signature.AsSpan()));
        Assert.True(madeUp.ToAttestation().VerifySignature(fixture.Prover, madeUp.Signature.AsSpan()));

        Assert.Equal(VdfRejection.TooFewIterations, Separation(previous, tooEarly, chain, Dev.VdfMinimumIterationsPerBlock).Reason);
        Assert.Equal(VdfRejection.SegmentMismatch, Separation(previous, madeUp, chain, Dev.VdfMinimumIterationsPerBlock).Reason);
    }

    [Fact]
    public async Task AfterDeactivation_TheEvaluatorResumesFromTheLastDurableCheckpoint_WithTheRestartVisible()
    {
        TestNetwork network = new(fixture, "vdf-resume");
        List<BlockRecord> before = await AnnounceAsync(network, 1, 2);
        VdfStatus running = await WaitDurableAsync();

        await Vdf.DeactivateAsync();
        VdfStatus resumed = await Vdf.GetStatusAsync();

        Assert.True(resumed.Running, resumed.Reason);
        Assert.Equal(running.RestartCount + 1, resumed.RestartCount);
        VdfCheckpoint restart = VdfCheckpoint.Decode(resumed.Latest!.Encoded.AsSpan());
        Assert.Equal(resumed.RestartCount, restart.RestartCount);

        // The restart checkpoint continues the durable chain right after the newest durable checkpoint.
        VdfCheckpoint lastDurable = VdfCheckpoint.Decode((await Vdf.GetCheckpointsAsync(restart.Sequence - 1, 1)).Single().Encoded.AsSpan());
        Assert.Equal(restart.Sequence - 1, lastDurable.Sequence);
        Assert.Equal(lastDurable.Point, restart.Point);
        Assert.Equal(lastDurable.ComputeHash(), restart.PreviousHash);

        List<BlockRecord> after = await AnnounceAsync(network, 3, 4);
        Assert.True(after[0].VdfIterations >= before[^1].VdfIterations + Dev.VdfMinimumIterationsPerBlock);
        List<VdfCheckpoint> chain = await CheckpointsThroughAsync(after[^1].VdfIterations);
        Assert.Contains(chain, c => c.Sequence == restart.Sequence && c.RestartCount == restart.RestartCount);
        VdfVerificationResult links = ContinuousVdfVerifier.VerifyChain(chain, fixture.Prover);
        Assert.True(links.IsValid, links.ToString());
        VdfVerificationResult across = Separation(before[^1], after[0], chain, Dev.VdfMinimumIterationsPerBlock);
        Assert.True(across.IsValid, across.ToString());
        VdfVerificationResult next = Separation(after[0], after[1], chain, Dev.VdfMinimumIterationsPerBlock);
        Assert.True(next.IsValid, next.ToString());
    }

    [Fact]
    public async Task GetCheckpoints_RejectsAnOutOfRangeLimit()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Vdf.GetCheckpointsAsync(0, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Vdf.GetCheckpointsAsync(0, VdfStatus.MaxCheckpointsPerRead + 1));
    }

    private static BlockRecord Resign(BlockRecord record, NodeKey key) => record with { Signature = [.. record.ToAttestation().Sign(key)] };

    private static async Task<List<BlockRecord>> AnnounceAsync(TestNetwork network, ulong from, ulong to)
    {
        List<BlockRecord> records = [];
        for (ulong height = from; height <= to; height++)
        {
            BlockResult result = await network.AnnounceAsync(height);
            Assert.Equal(BlockOutcome.Recorded, result.Outcome);
            records.Add(result.Record!);
        }

        return records;
    }

    /// <summary>Core's rule between two records, over the checkpoint window a verifier would fetch.</summary>
    private VdfVerificationResult Separation(BlockRecord previous, BlockRecord next, List<VdfCheckpoint> chain, ulong n)
    {
        VdfPoint from = new(previous.VdfIterations, previous.VdfState);
        int start = VdfBlockSeparation.WindowStart(chain, from);
        Assert.True(start >= 0, "the checkpoint window starts after the earlier record");
        return VdfBlockSeparation.Verify(BufferOf(fixture.Prover), from, new VdfPoint(next.VdfIterations, next.VdfState), next.GlobalRoot,
            chain[start..], fixture.Prover, n, sampleCount: 64);
    }

    /// <summary>An honest state at <paramref name="iterations"/> (re-executed from the checkpoint before it), so only the gap is wrong.</summary>
    private Hash32 StateAt(List<VdfCheckpoint> chain, ulong iterations)
    {
        VdfCheckpoint before = chain.Last(c => c.Point.Iterations <= iterations);
        return VdfFunction.Iterate(BufferOf(fixture.Prover), before.Point.State, before.Point.Iterations, iterations - before.Point.Iterations);
    }

    private static VdfBuffer BufferOf(ProverPublicKey prover)
    {
        lock (Buffers)
        {
            if (!Buffers.TryGetValue(prover, out VdfBuffer? buffer))
            {
                buffer = VdfBuffer.Create(VdfFunction.DeriveSeed(prover, Hash32.Zero), (long)Dev.VdfMemoryBytes);
                Buffers[prover] = buffer;
            }

            return buffer;
        }
    }

    /// <summary>Waits until a durable checkpoint exists (the first after activation is written shortly after it is made).</summary>
    private async Task<VdfStatus> WaitDurableAsync()
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
        while (true)
        {
            VdfStatus status = await Vdf.GetStatusAsync();
            if (status.DurableSequence is { } durable && durable >= status.Latest!.Sequence)
            {
                return status;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>The durable window (up to 256 checkpoints) once it holds a checkpoint at or after <paramref name="iterations"/>.</summary>
    private async Task<List<VdfCheckpoint>> CheckpointsThroughAsync(ulong iterations)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
        while (true)
        {
            VdfStatus status = await Vdf.GetStatusAsync();
            if (status.DurableSequence is { } durable)
            {
                VdfCheckpoint newest = VdfCheckpoint.Decode((await Vdf.GetCheckpointsAsync(durable, 1)).Single().Encoded.AsSpan());
                if (newest.Point.Iterations >= iterations)
                {
                    ulong from = durable >= VdfStatus.MaxCheckpointsPerRead - 1 ? durable - (VdfStatus.MaxCheckpointsPerRead - 1) : 0;
                    VdfCheckpointData[] page = await Vdf.GetCheckpointsAsync(from, VdfStatus.MaxCheckpointsPerRead);
                    return [.. page.Select(c => VdfCheckpoint.Decode(c.Encoded.AsSpan()))];
                }
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
