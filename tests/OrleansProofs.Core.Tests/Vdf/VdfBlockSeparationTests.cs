// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Core.Tests.Vdf;

/// <summary>
/// Verifies the rule between consecutive block records' VDF points: honest records pass (also across a
/// restart); too small a gap, a root that was not absorbed, a forged record state, and a chain of
/// checkpoints the prover re-signed over a forged segment are all rejected.
/// </summary>
public sealed class VdfBlockSeparationTests
{
    private const ulong Interval = 400;
    private const ulong N = 1000;

    private static readonly Hash32 RootA = Sha256.Hash("block a"u8);
    private static readonly Hash32 RootB = Sha256.Hash("block b"u8);

    [Fact]
    public void HonestRecords_Verify()
    {
        using NodeKey key = VdfVectors.Key();
        (List<VdfCheckpoint> chain, VdfPoint a, VdfPoint b) = Run(key);

        VdfVerificationResult result = VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootB, From(chain, a), key.PublicKey, N, sampleCount: 64);
        Assert.True(result.IsValid, result.ToString());
        Assert.True(result.SegmentsChecked >= 3);
    }

    [Fact]
    public void TooSmallAGap_IsRejected()
    {
        using NodeKey key = VdfVectors.Key();
        (List<VdfCheckpoint> chain, VdfPoint a, VdfPoint b) = Run(key);

        VdfVerificationResult result = VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootB, From(chain, a), key.PublicKey, b.Iterations - a.Iterations + 1, 64);
        Assert.Equal(VdfRejection.TooFewIterations, result.Reason);
        Assert.Equal(VdfRejection.TooFewIterations, VdfBlockSeparation.Verify(VdfVectors.Buffer, b, a, RootA, From(chain, a), key.PublicKey, 0, 64).Reason);
    }

    [Fact]
    public void ARootThatWasNotAbsorbed_IsRejected()
    {
        using NodeKey key = VdfVectors.Key();
        (List<VdfCheckpoint> chain, VdfPoint a, VdfPoint b) = Run(key);

        // RootA was absorbed before a, so it does not bind the record at b.
        Assert.Equal(VdfRejection.Inconsistent, VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootA, From(chain, a), key.PublicKey, N, 64).Reason);
        Assert.Equal(VdfRejection.Inconsistent, VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, Sha256.Hash("other"u8), From(chain, a), key.PublicKey, N, 64).Reason);
    }

    [Fact]
    public void AForgedRecordState_IsCaughtByReexecution()
    {
        using NodeKey key = VdfVectors.Key();
        (List<VdfCheckpoint> chain, VdfPoint a, VdfPoint b) = Run(key);

        VdfPoint forged = b with { State = Sha256.Hash("skipped the work"u8) };
        VdfVerificationResult result = VdfBlockSeparation.Verify(VdfVectors.Buffer, a, forged, RootB, From(chain, a), key.PublicKey, N, 64);
        Assert.Equal(VdfRejection.SegmentMismatch, result.Reason);
    }

    [Fact]
    public void AResignedChainOverAForgedSegment_IsCaughtByReexecution()
    {
        using NodeKey key = VdfVectors.Key();
        (List<VdfCheckpoint> chain, VdfPoint a, VdfPoint b) = Run(key);
        List<VdfCheckpoint> window = From(chain, a);

        // The prover holds its key: it can sign a chain that links perfectly but whose middle checkpoint
        // claims a state it never computed. Signatures and links pass; the sampled segment does not.
        int middle = window.FindIndex(c => c.Point.Iterations > a.Iterations && c.Point.Iterations < b.Iterations);
        Assert.True(middle > 0);
        List<VdfCheckpoint> forged = Relink(window, middle, key);
        Assert.True(ContinuousVdfVerifier.VerifyChain(forged, key.PublicKey).IsValid);

        VdfVerificationResult result = VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootB, forged, key.PublicKey, N, sampleCount: 64);
        Assert.Equal(VdfRejection.SegmentMismatch, result.Reason);
    }

    [Fact]
    public void ChecksThatCannotBeMade_AreRejected()
    {
        using NodeKey key = VdfVectors.Key();
        (List<VdfCheckpoint> chain, VdfPoint a, VdfPoint b) = Run(key);
        List<VdfCheckpoint> window = From(chain, a);

        // Without the checkpoint after b the roots absorbed just before b are unknown; without the one
        // before a, those just after a are.
        List<VdfCheckpoint> short_ = [.. window.TakeWhile(c => c.Point.Iterations < b.Iterations)];
        Assert.Equal(VdfRejection.Inconsistent, VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootB, short_, key.PublicKey, N, 64).Reason);
        Assert.Equal(VdfRejection.Inconsistent, VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootB, window[1..], key.PublicKey, N, 64).Reason);
        using NodeKey other = NodeKey.Generate();
        Assert.Equal(VdfRejection.BadSignature, VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootB, window, other.PublicKey, N, 64).Reason);
    }

    [Fact]
    public void ARestartBetweenRecords_VerifiesFromTheResumedPoint()
    {
        using NodeKey key = VdfVectors.Key();
        var chain = new List<VdfCheckpoint>();
        ContinuousVdf first = ContinuousVdf.Start(VdfVectors.Buffer, key, Interval, chain.Add);
        first.Absorb(RootA);
        first.Advance(N + 100);
        VdfPoint a = first.Snapshot().Point;

        // The evaluator fails after its last checkpoint below a; a's point is lost with it.
        VdfCheckpoint durable = chain.Last(c => c.Point.Iterations < a.Iterations);
        List<VdfCheckpoint> history = [.. chain.TakeWhile(c => c.Sequence <= durable.Sequence)];
        ContinuousVdf second = ContinuousVdf.Resume(VdfVectors.Buffer, key, durable, Interval, history.Add);
        second.Absorb(RootB);
        second.Advance(a.Iterations - durable.Point.Iterations + N);
        VdfPoint b = second.Snapshot().Point;
        second.Advance(Interval);

        Assert.Contains(history, c => c.RestartCount == 1);
        VdfVerificationResult result = VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootB, From(history, a), key.PublicKey, N, 64);
        Assert.True(result.IsValid, result.ToString());

        // Still at least N after the lost point, measured in iterations.
        Assert.Equal(VdfRejection.TooFewIterations,
            VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootB, From(history, a), key.PublicKey, b.Iterations - a.Iterations + 1, 64).Reason);
    }

    [Fact]
    public void ARestartBeforeTheEarlierRecord_StillChecksFromThatRecord()
    {
        using NodeKey key = VdfVectors.Key();
        var history = new List<VdfCheckpoint>();
        ContinuousVdf failed = ContinuousVdf.Start(VdfVectors.Buffer, key, Interval, history.Add);
        failed.Advance(2 * Interval);

        // Resumed from the last checkpoint; both records are made by the resumed evaluator.
        ContinuousVdf resumed = ContinuousVdf.Resume(VdfVectors.Buffer, key, history[^1], Interval, history.Add);
        resumed.Absorb(RootA);
        resumed.Advance(N + 100);
        VdfPoint a = resumed.Snapshot().Point;
        resumed.Absorb(RootB);
        resumed.Advance(N + 300);
        VdfPoint b = resumed.Snapshot().Point;
        resumed.Advance(Interval);

        List<VdfCheckpoint> window = [.. history.Skip(VdfBlockSeparation.WindowStart(history, a))];
        Assert.Contains(window, c => c.RestartCount == 1 && c.Point.Iterations < a.Iterations);
        VdfVerificationResult result = VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootB, window, key.PublicKey, N, 64);
        Assert.True(result.IsValid, result.ToString());

        // a lies on the surviving chain, so the check starts at a, not at the restart: RootA, absorbed
        // before a, does not bind b, and a made-up state at b is still caught.
        Assert.Equal(VdfRejection.Inconsistent, VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b, RootA, window, key.PublicKey, N, 64).Reason);
        Assert.Equal(VdfRejection.SegmentMismatch,
            VdfBlockSeparation.Verify(VdfVectors.Buffer, a, b with { State = Hash32.Zero }, RootB, window, key.PublicKey, N, 64).Reason);
    }

    /// <summary>Absorbs RootA, runs N + 100 (record a), absorbs RootB, runs N + 300 (record b), then one more interval.</summary>
    private static (List<VdfCheckpoint> Chain, VdfPoint A, VdfPoint B) Run(NodeKey key)
    {
        var chain = new List<VdfCheckpoint>();
        ContinuousVdf vdf = ContinuousVdf.Start(VdfVectors.Buffer, key, Interval, chain.Add);
        vdf.Absorb(RootA);
        vdf.Advance(N + 100);
        VdfPoint a = vdf.Snapshot().Point;
        vdf.Absorb(RootB);
        vdf.Advance(N + 300);
        VdfPoint b = vdf.Snapshot().Point;
        vdf.Advance(Interval);
        return (chain, a, b);
    }

    /// <summary>The chain from <see cref="VdfBlockSeparation.WindowStart"/> for <paramref name="point"/>.</summary>
    private static List<VdfCheckpoint> From(List<VdfCheckpoint> chain, VdfPoint point) =>
        [.. chain.Skip(VdfBlockSeparation.WindowStart(chain, point))];

    /// <summary>Replaces checkpoint <paramref name="index"/>'s state with a made-up one and re-signs and re-links every later checkpoint.</summary>
    private static List<VdfCheckpoint> Relink(List<VdfCheckpoint> chain, int index, NodeKey key)
    {
        List<VdfCheckpoint> result = [.. chain[..index]];
        for (int i = index; i < chain.Count; i++)
        {
            VdfCheckpoint c = chain[i];
            VdfPoint point = i == index ? c.Point with { State = Sha256.Hash("made up"u8) } : c.Point;
            result.Add(VdfCheckpoint.Create(c.Log2BufferBytes, c.Seed, c.Sequence, result[^1].ComputeHash(), c.RestartCount, point, c.Absorbed, key));
        }

        return result;
    }
}
