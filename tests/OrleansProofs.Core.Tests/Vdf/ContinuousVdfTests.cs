// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Core.Tests.Vdf;

/// <summary>
/// Verifies the continuous VDF: absorbing roots from other threads while it runs on its own thread,
/// snapshots, the signed checkpoint chain and its vectors, descent between two block records checked
/// by re-execution (and rejected when a root, its position or the iteration gap is wrong), and
/// failover: resume from a checkpoint with the restart visible in the chain.
/// </summary>
public sealed class ContinuousVdfTests
{
    private const ulong Interval = 500;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public void Checkpoints_MatchVectors_AndAdvanceStepsExactly()
    {
        using NodeKey key = VdfVectors.Key();
        var checkpoints = new List<VdfCheckpoint>();
        ContinuousVdf vdf = ContinuousVdf.Start(VdfVectors.Buffer, key, 1000, checkpoints.Add);
        vdf.Absorb(VdfVectors.Root);
        vdf.Advance(1000);

        Assert.Equal(2, checkpoints.Count);
        Assert.Equal(VdfVectors.GenesisCheckpoint, Convert.ToHexStringLower(checkpoints[0].Encode()));
        Assert.Equal(VdfVectors.GenesisCheckpointHash, checkpoints[0].ComputeHash().ToString());
        Assert.Equal(VdfVectors.Checkpoint1, Convert.ToHexStringLower(checkpoints[1].Encode()));
        Assert.Equal(VdfVectors.Checkpoint1Hash, checkpoints[1].ComputeHash().ToString());

        // The root queued before the batch is absorbed when the batch ends, at iteration 1000.
        Hash32 expected = VdfFunction.Absorb(Hash32.Parse(VdfVectors.After1000Iterations), VdfVectors.Root, 1000);
        Assert.Equal(new VdfSnapshot(1000, expected, 1, 0), vdf.Snapshot());
        Assert.Same(checkpoints[1], vdf.LatestCheckpoint);
        Assert.True(ContinuousVdfVerifier.VerifyCheckpointDescent(VdfVectors.Buffer, checkpoints, key.PublicKey, 1000, 1).IsValid);
    }

    [Fact]
    public void RunOnDedicatedThread_AbsorbsRootsFromOtherThreads_AndDescentBetweenRecordsVerifies()
    {
        using NodeKey key = NodeKey.Generate();
        VdfBuffer buffer = VdfBuffer.Create(VdfFunction.DeriveSeed(key.PublicKey, Hash32.Zero), VdfBuffer.MinBytes);
        var checkpoints = new ConcurrentQueue<VdfCheckpoint>();
        ContinuousVdf vdf = ContinuousVdf.Start(buffer, key, Interval, checkpoints.Enqueue);
        using var stop = new CancellationTokenSource();
        var evaluator = new Thread(() => vdf.Run(stop.Token)) { IsBackground = true, Name = "vdf" };
        evaluator.Start();

        // Block h: absorb its global root, wait until it is in, take the record's point.
        Hash32[] roots = [.. Enumerable.Range(0, 4).Select(i => Sha256.Hash(BitConverter.GetBytes(i)))];
        var records = new List<VdfSnapshot>();
        foreach (Hash32 root in roots)
        {
            ulong before = vdf.Snapshot().AbsorbedRoots;
            vdf.Absorb(root);
            records.Add(WaitFor(vdf, s => s.AbsorbedRoots == before + 1 && s.Iterations >= (records.LastOrDefault().Iterations + (3 * Interval)), "root absorbed"));
        }

        VdfSnapshot first = records[0];
        VdfSnapshot last = records[^1];
        WaitFor(vdf, _ => vdf.LatestCheckpoint.Point.Iterations > last.Iterations, "checkpoint after the last record");
        stop.Cancel();
        Assert.True(evaluator.Join(Timeout), "evaluator thread did not stop");

        List<VdfCheckpoint> chain = [.. checkpoints];
        Assert.True(ContinuousVdfVerifier.VerifyChain(chain, key.PublicKey).IsValid);
        Assert.All(chain, c => Assert.Equal(0u, c.RestartCount));

        // What a verifier holds: the two records, the checkpoints in between, and the absorbed roots with their positions.
        VdfPoint[] between = [.. chain.Select(c => c.Point).Where(p => p.Iterations > first.Iterations && p.Iterations < last.Iterations)];
        VdfAbsorption[] absorbed = [.. chain.SelectMany(c => c.Absorbed.ToArray()).Where(a => a.Iteration > first.Iterations && a.Iteration <= last.Iterations)];
        Assert.Equal(roots[1..], absorbed.Select(a => a.Root));
        Assert.True(between.Length >= 9);

        ulong gap = last.Iterations - first.Iterations;
        VdfVerificationResult ok = ContinuousVdfVerifier.VerifyDescent(buffer, first.Point, last.Point, between, absorbed, gap, sampleCount: between.Length + 1);
        Assert.True(ok.IsValid, ok.ToString());
        Assert.Equal(between.Length + 1, ok.SegmentsChecked);

        // A different root, a root absorbed one iteration later, or too small a gap is rejected.
        VdfAbsorption[] otherRoot = (VdfAbsorption[])absorbed.Clone();
        otherRoot[1] = otherRoot[1] with { Root = Sha256.Hash("forged root"u8) };
        Assert.Equal(VdfRejection.SegmentMismatch, ContinuousVdfVerifier.VerifyDescent(buffer, first.Point, last.Point, between, otherRoot, gap, between.Length + 1).Reason);
        VdfAbsorption[] moved = (VdfAbsorption[])absorbed.Clone();
        moved[0] = moved[0] with { Iteration = moved[0].Iteration + 1 };
        Assert.False(ContinuousVdfVerifier.VerifyDescent(buffer, first.Point, last.Point, between, moved, gap, between.Length + 1).IsValid);
        Assert.Equal(VdfRejection.TooFewIterations, ContinuousVdfVerifier.VerifyDescent(buffer, first.Point, last.Point, between, absorbed, gap + 1, 1).Reason);
        Assert.Equal(VdfRejection.TooFewIterations, ContinuousVdfVerifier.VerifyDescent(buffer, last.Point, first.Point, [], [], 0, 1).Reason);
        VdfAbsorption[] missing = absorbed[..^1];
        Assert.Equal(VdfRejection.SegmentMismatch, ContinuousVdfVerifier.VerifyDescent(buffer, first.Point, last.Point, between, missing, gap, between.Length + 1).Reason);
    }

    [Fact]
    public void Resume_EmitsARestartCheckpoint_AndTheChainStillDescends()
    {
        using NodeKey key = VdfVectors.Key();
        var chain = new List<VdfCheckpoint>();
        ContinuousVdf first = ContinuousVdf.Start(VdfVectors.Buffer, key, Interval, chain.Add);
        first.Advance(3 * Interval);
        Assert.Equal(4, chain.Count);

        // The node fails after checkpoint 2 was durable; checkpoint 3 was published but lost.
        VdfCheckpoint durable = chain[2];
        VdfCheckpoint lost = chain[3];
        var resumed = new List<VdfCheckpoint>();
        ContinuousVdf second = ContinuousVdf.Resume(VdfVectors.Buffer, key, VdfCheckpoint.Decode(durable.Encode()), Interval, resumed.Add);
        Assert.Equal(new VdfSnapshot(durable.Point.Iterations, durable.Point.State, 0, 1), second.Snapshot());
        second.Absorb(VdfVectors.Root);
        second.Advance(2 * Interval);

        VdfCheckpoint restart = resumed[0];
        Assert.Equal((3UL, 1u), (restart.Sequence, restart.RestartCount));
        Assert.Equal(durable.Point, restart.Point);
        Assert.Equal(durable.ComputeHash(), restart.PreviousHash);
        Assert.All(resumed, c => Assert.Equal(1u, c.RestartCount));

        // Sequence 3 now exists twice with different restart counters: the failover is visible.
        Assert.Equal(lost.Sequence, restart.Sequence);
        Assert.NotEqual(lost.RestartCount, restart.RestartCount);

        List<VdfCheckpoint> history = [.. chain[..3], .. resumed];
        Assert.True(ContinuousVdfVerifier.VerifyChain(history, key.PublicKey).IsValid);
        VdfVerificationResult descent = ContinuousVdfVerifier.VerifyCheckpointDescent(VdfVectors.Buffer, history, key.PublicKey, 4 * Interval, sampleCount: 10);
        Assert.True(descent.IsValid, descent.ToString());
        Assert.Equal(VdfRejection.Inconsistent, ContinuousVdfVerifier.VerifyChain([.. chain, restart], key.PublicKey).Reason);
    }

    [Fact]
    public void Resume_RejectsForeignOrMismatchedCheckpoints()
    {
        using NodeKey key = VdfVectors.Key();
        using NodeKey other = NodeKey.Generate();
        VdfCheckpoint genesis = ContinuousVdf.Start(VdfVectors.Buffer, key, Interval).LatestCheckpoint;
        Assert.Throws<ArgumentException>("from", () => ContinuousVdf.Resume(VdfVectors.Buffer, other, genesis, Interval));
        VdfBuffer small = VdfBuffer.Create(genesis.Seed, VdfBuffer.MinBytes);
        Assert.Throws<ArgumentException>("from", () => ContinuousVdf.Resume(small, key, genesis, Interval));
        Assert.Throws<ArgumentOutOfRangeException>("checkpointInterval", () => ContinuousVdf.Start(VdfVectors.Buffer, key, 0));
    }

    [Fact]
    public void Advance_RejectsZero_AndASecondEvaluatorThread()
    {
        using NodeKey key = NodeKey.Generate();
        VdfBuffer buffer = VdfBuffer.Create(Hash32.Zero, VdfBuffer.MinBytes);
        ContinuousVdf? vdf = null;
        Exception? reentrant = null;
        vdf = ContinuousVdf.Start(buffer, key, 100, c =>
        {
            if (c.Sequence == 1)
            {
                reentrant = Record.Exception(() => vdf!.Advance(1));
            }
        });
        Assert.Throws<ArgumentOutOfRangeException>("iterations", () => vdf.Advance(0));
        vdf.Advance(150);
        Assert.IsType<InvalidOperationException>(reentrant);
        Assert.Equal(150UL, vdf.Snapshot().Iterations);
        Assert.Equal(VdfFunction.Iterate(buffer, VdfFunction.InitialState(buffer.Seed), 0, 150), vdf.Snapshot().State);
    }

    [Fact]
    public void VerifyChain_RejectsBrokenLinksSignaturesRestartsAndGenesis()
    {
        using NodeKey key = VdfVectors.Key();
        var chain = new List<VdfCheckpoint>();
        ContinuousVdf vdf = ContinuousVdf.Start(VdfVectors.Buffer, key, Interval, chain.Add);
        vdf.Absorb(VdfVectors.Root);
        vdf.Advance(3 * Interval);
        Assert.True(ContinuousVdfVerifier.VerifyChain(chain, key.PublicKey).IsValid);

        using NodeKey other = NodeKey.Generate();
        Assert.Equal(VdfRejection.BadSignature, ContinuousVdfVerifier.VerifyChain(chain, other.PublicKey).Reason);
        Assert.Equal(VdfRejection.Inconsistent, ContinuousVdfVerifier.VerifyChain([chain[0], chain[2]], key.PublicKey).Reason);

        VdfCheckpoint c1 = chain[1];
        VdfCheckpoint Resign(ulong sequence, Hash32 previous, uint restarts, VdfPoint point, VdfAbsorption[] absorbed) =>
            VdfCheckpoint.Create(c1.Log2BufferBytes, c1.Seed, sequence, previous, restarts, point, absorbed, key);

        Hash32 h0 = chain[0].ComputeHash();
        Assert.Equal(VdfRejection.Inconsistent, ContinuousVdfVerifier.VerifyChain([chain[0], Resign(1, h0, 2, c1.Point, [])], key.PublicKey).Reason);
        Assert.Equal(VdfRejection.Inconsistent, ContinuousVdfVerifier.VerifyChain([chain[0], Resign(1, h0, 1, c1.Point, [])], key.PublicKey).Reason);
        Assert.Equal(VdfRejection.Inconsistent, ContinuousVdfVerifier.VerifyChain([chain[0], Resign(1, h0, 0, chain[0].Point, [])], key.PublicKey).Reason);
        Assert.Equal(VdfRejection.Inconsistent, ContinuousVdfVerifier.VerifyChain([chain[0], Resign(1, Hash32.Zero, 0, c1.Point, [])], key.PublicKey).Reason);
        Assert.Equal(VdfRejection.Inconsistent, ContinuousVdfVerifier.VerifyChain([chain[0], Resign(1, h0, 0, c1.Point, [new(0, VdfVectors.Root)])], key.PublicKey).Reason);
        Assert.Equal(VdfRejection.Inconsistent, ContinuousVdfVerifier.VerifyChain([Resign(0, Hash32.Zero, 0, new VdfPoint(0, Hash32.Zero), [])], key.PublicKey).Reason);

        // A chain that links and signs correctly but whose states do not descend is caught by re-execution.
        VdfCheckpoint fake = Resign(1, h0, 0, c1.Point with { State = Hash32.Zero }, c1.Absorbed.ToArray());
        VdfVerificationResult descent = ContinuousVdfVerifier.VerifyCheckpointDescent(VdfVectors.Buffer, [chain[0], fake], key.PublicKey, 1, 1);
        Assert.Equal(VdfRejection.SegmentMismatch, descent.Reason);
    }

    [Fact]
    public void CheckpointDecode_RoundTrips_AndRejectsMalformedInput()
    {
        byte[] encoded = Convert.FromHexString(VdfVectors.Checkpoint1);
        Assert.Equal(encoded, VdfCheckpoint.Decode(encoded).Encode());
        for (int length = 0; length < encoded.Length; length++)
        {
            Assert.Contains("field '", Assert.Throws<FormatException>(() => VdfCheckpoint.Decode(encoded.AsSpan(0, length))).Message);
        }

        Assert.Contains("trailing", Assert.Throws<FormatException>(() => VdfCheckpoint.Decode([.. encoded, 0])).Message);
        AssertField(encoded, 0, 9, "version");
        AssertField(encoded, 1, 40, "log2BufferBytes");
        AssertField(Convert.FromHexString(VdfVectors.GenesisCheckpoint), 50, 1, "previousHash");
        AssertField(encoded, 118, 0xff, "absorbedCount");
        AssertField(encoded, 129, 0xe9, "absorbed[0].iteration"); // absorbed at 1001 > iterations 1000
        Assert.Contains("more than the largest", Assert.Throws<FormatException>(() =>
            VdfCheckpoint.Decode(new byte[VdfCheckpoint.FixedBodySize + (VdfCheckpoint.MaxAbsorptions * VdfCheckpoint.AbsorptionSize) + 65])).Message);
    }

    private static void AssertField(byte[] encoded, int offset, byte value, string field)
    {
        byte[] tampered = (byte[])encoded.Clone();
        tampered[offset] = value;
        Assert.Contains($"'{field}'", Assert.Throws<FormatException>(() => VdfCheckpoint.Decode(tampered)).Message);
    }

    private static VdfSnapshot WaitFor(ContinuousVdf vdf, Func<VdfSnapshot, bool> condition, string phase)
    {
        var stopwatch = Stopwatch.StartNew();
        var spinner = new SpinWait();
        while (true)
        {
            VdfSnapshot snapshot = vdf.Snapshot();
            if (condition(snapshot))
            {
                return snapshot;
            }

            if (stopwatch.Elapsed > Timeout)
            {
                throw new TimeoutException($"phase '{phase}': still at {snapshot} after {Timeout}");
            }

            spinner.SpinOnce();
        }
    }
}
