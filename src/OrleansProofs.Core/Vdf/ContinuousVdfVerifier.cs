// SPDX-License-Identifier: MIT
//  Continuous-VDF verification — docs/protocol.md §6 §7 and §8; chain checks and sampled descent between two points.

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// Third-party checks of a continuous VDF: that a run of checkpoints is one signed, linked chain
/// (<see cref="VerifyChain"/>), and that a later point descends from an earlier one through the
/// absorbed roots with at least N iterations in between (<see cref="VerifyDescent"/>, by sampled
/// re-execution of the segments between consecutive points, Fiat–Shamir over the whole input).
/// </summary>
public static class ContinuousVdfVerifier
{
    /// <summary>
    /// Checks that <paramref name="checkpoints"/> (consecutive, oldest first) are signed by
    /// <paramref name="prover"/>, share one seed and buffer size, link by hash with sequence + 1, never
    /// go back in iterations, and that every absorption lies after the previous checkpoint's point.
    /// A genesis checkpoint (sequence 0) must sit at iteration 0 on the seed's start state. Between two
    /// checkpoints the restart counter either stays (and iterations grow) or rises by one at the same
    /// point with nothing absorbed (a resume). Descent between the points is checked by
    /// <see cref="VerifyCheckpointDescent"/>, not here.
    /// </summary>
    public static VdfVerificationResult VerifyChain(IReadOnlyList<VdfCheckpoint> checkpoints, ProverPublicKey prover)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        if (checkpoints.Count == 0)
        {
            throw Error.Invalid(nameof(checkpoints), "at least one checkpoint is needed.");
        }

        VdfCheckpoint? previous = null;
        Hash32 previousHash = default;
        for (int i = 0; i < checkpoints.Count; i++)
        {
            VdfCheckpoint current = checkpoints[i];
            if (!current.VerifySignature(prover))
            {
                return Reject(VdfRejection.BadSignature, i, $"checkpoint {current.Sequence} is not signed by prover {prover}");
            }

            if (current.Sequence == 0 &&
                (current.Point.Iterations != 0 || current.RestartCount != 0 || current.Absorbed.Length != 0 ||
                 current.Point.State != VdfFunction.InitialState(current.Seed)))
            {
                return Reject(VdfRejection.Inconsistent, i, "the genesis checkpoint must be at iteration 0 on the seed's start state, with no restarts and nothing absorbed");
            }

            if (previous is not null)
            {
                string? problem = CheckLink(previous, previousHash, current);
                if (problem is not null)
                {
                    return Reject(VdfRejection.Inconsistent, i, $"checkpoint {current.Sequence}: {problem}");
                }
            }

            previous = current;
            previousHash = current.ComputeHash();
        }

        return VdfVerificationResult.Valid(0);
    }

    /// <summary>
    /// <see cref="VerifyChain"/>, then <see cref="VerifyDescent"/> from the first checkpoint's point to
    /// the last one's through the points and absorptions of those in between.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="buffer"/> does not match the checkpoints' seed and size.</exception>
    public static VdfVerificationResult VerifyCheckpointDescent(VdfBuffer buffer, IReadOnlyList<VdfCheckpoint> checkpoints, ProverPublicKey prover,
        ulong minimumIterations, int sampleCount, ulong maxSegmentIterations = 1UL << 24)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        VdfVerificationResult chain = VerifyChain(checkpoints, prover);
        if (!chain.IsValid)
        {
            return chain;
        }

        if (!buffer.Matches(checkpoints[0].Seed, checkpoints[0].Log2BufferBytes))
        {
            throw Error.Invalid(nameof(buffer), "it was built from another seed or size than the checkpoints'.");
        }

        var points = new VdfPoint[Math.Max(0, checkpoints.Count - 2)];
        var absorptions = new List<VdfAbsorption>();
        for (int i = 1; i < checkpoints.Count; i++)
        {
            if (i < checkpoints.Count - 1)
            {
                points[i - 1] = checkpoints[i].Point;
            }

            absorptions.AddRange(checkpoints[i].Absorbed);
        }

        return VerifyDescent(buffer, checkpoints[0].Point, checkpoints[^1].Point, points, absorptions.ToArray(), minimumIterations, sampleCount, maxSegmentIterations);
    }

    /// <summary>
    /// Checks that <paramref name="to"/> descends from <paramref name="from"/>: at least
    /// <paramref name="minimumIterations"/> iterations apart, with <paramref name="absorptions"/> (each
    /// iteration in (from, to], non-decreasing) folded in where they say. The span is cut at
    /// <paramref name="intermediate"/> points (non-decreasing iterations, usually the checkpoints in
    /// between) into segments; <c>min(sampleCount, segments)</c> of them, chosen by
    /// <c>H(tag Vdf ‖ "descent" ‖ transcript)</c>, are re-executed and must land exactly on their end points.
    /// </summary>
    public static VdfVerificationResult VerifyDescent(VdfBuffer buffer, VdfPoint from, VdfPoint to, ReadOnlySpan<VdfPoint> intermediate,
        ReadOnlySpan<VdfAbsorption> absorptions, ulong minimumIterations, int sampleCount, ulong maxSegmentIterations = 1UL << 24)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (sampleCount < 1)
        {
            throw Error.OutOfRange(nameof(sampleCount), sampleCount, "must be at least 1");
        }

        if (to.Iterations < from.Iterations || to.Iterations - from.Iterations < minimumIterations)
        {
            return VdfVerificationResult.Fail(VdfRejection.TooFewIterations,
                to.Iterations < from.Iterations
                    ? $"the later point ({to.Iterations}) is before the earlier one ({from.Iterations})"
                    : $"{to.Iterations - from.Iterations} iterations between the points; at least {minimumIterations} required");
        }

        ulong previousIteration = from.Iterations;
        for (int i = 0; i <= intermediate.Length; i++)
        {
            ulong at = i < intermediate.Length ? intermediate[i].Iterations : to.Iterations;
            if (at < previousIteration || at > to.Iterations)
            {
                return Reject(VdfRejection.Inconsistent, i, $"point {i} at iteration {at} is out of order");
            }

            if (at - previousIteration > maxSegmentIterations)
            {
                return Reject(VdfRejection.SegmentTooLong, i, $"segment {i} has {at - previousIteration} iterations; at most {maxSegmentIterations}");
            }

            previousIteration = at;
        }

        for (int i = 0; i < absorptions.Length; i++)
        {
            ulong at = absorptions[i].Iteration;
            if (at <= from.Iterations || at > to.Iterations || (i > 0 && at < absorptions[i - 1].Iteration))
            {
                return Reject(VdfRejection.Inconsistent, i, $"absorption {i} at iteration {at} is out of order or outside ({from.Iterations}, {to.Iterations}]");
            }
        }

        int segments = intermediate.Length + 1;
        Hash32 transcript = TranscriptHash(buffer, from, to, intermediate, absorptions, minimumIterations);
        int[] sample = VdfSampler.Draw(transcript, segments, sampleCount);
        for (int i = 0; i < sample.Length; i++)
        {
            int segment = sample[i];
            VdfPoint start = segment == 0 ? from : intermediate[segment - 1];
            VdfPoint end = segment == intermediate.Length ? to : intermediate[segment];
            ReadOnlySpan<VdfAbsorption> inside = Within(absorptions, start.Iterations, end.Iterations);
            if (VdfSegments.Execute(buffer, start, end.Iterations, inside) != end.State)
            {
                return VdfVerificationResult.Fail(VdfRejection.SegmentMismatch,
                    $"segment {segment} (iterations {start.Iterations}..{end.Iterations}, {inside.Length} absorption(s)) does not reach its claimed state",
                    segment, i + 1);
            }
        }

        return VdfVerificationResult.Valid(sample.Length);
    }

    private static string? CheckLink(VdfCheckpoint previous, Hash32 previousHash, VdfCheckpoint current)
    {
        if (current.Seed != previous.Seed || current.Log2BufferBytes != previous.Log2BufferBytes)
        {
            return "seed or buffer size differs from the previous checkpoint";
        }

        if (current.Sequence != previous.Sequence + 1)
        {
            return $"sequence follows {previous.Sequence}";
        }

        if (current.PreviousHash != previousHash)
        {
            return "previous hash does not match the previous checkpoint";
        }

        if (current.RestartCount == previous.RestartCount + 1)
        {
            if (current.Point != previous.Point || current.Absorbed.Length != 0)
            {
                return "a restart checkpoint must repeat the point it resumed from and absorb nothing";
            }

            return null;
        }

        if (current.RestartCount != previous.RestartCount)
        {
            return $"restart counter jumps from {previous.RestartCount} to {current.RestartCount}";
        }

        if (current.Point.Iterations <= previous.Point.Iterations)
        {
            return $"iterations do not advance ({previous.Point.Iterations} to {current.Point.Iterations})";
        }

        foreach (VdfAbsorption absorption in current.Absorbed)
        {
            if (absorption.Iteration <= previous.Point.Iterations)
            {
                return $"absorption at iteration {absorption.Iteration} is not after the previous checkpoint ({previous.Point.Iterations})";
            }
        }

        return null;
    }

    private static ReadOnlySpan<VdfAbsorption> Within(ReadOnlySpan<VdfAbsorption> sorted, ulong after, ulong upTo)
    {
        int first = 0;
        while (first < sorted.Length && sorted[first].Iteration <= after)
        {
            first++;
        }

        int last = first;
        while (last < sorted.Length && sorted[last].Iteration <= upTo)
        {
            last++;
        }

        return sorted[first..last];
    }

    /// <summary>
    /// <c>H(tag Vdf ‖ "descent" ‖ u8 log2_buffer_bytes ‖ seed ‖ u64 minimum_iterations ‖ from ‖ to ‖
    /// u32 n ‖ n × point ‖ u32 a ‖ a × (u64 iteration ‖ root))</c>, a point being <c>u64 iterations ‖ state</c>.
    /// </summary>
    internal static Hash32 TranscriptHash(VdfBuffer buffer, VdfPoint from, VdfPoint to, ReadOnlySpan<VdfPoint> intermediate,
        ReadOnlySpan<VdfAbsorption> absorptions, ulong minimumIterations)
    {
        const int PointSize = 8 + Hash32.Size;
        int size = checked(1 + Hash32.Size + 8 + (2 * PointSize) + 4 + (intermediate.Length * PointSize) + 4 + (absorptions.Length * PointSize));
        byte[] body = new byte[size];
        var writer = new ProtocolWriter(body);
        writer.WriteByte((byte)buffer.Log2Bytes);
        writer.WriteHash(buffer.Seed);
        writer.WriteUInt64(minimumIterations);
        WritePoint(ref writer, from);
        WritePoint(ref writer, to);
        writer.WriteUInt32((uint)intermediate.Length);
        foreach (VdfPoint point in intermediate)
        {
            WritePoint(ref writer, point);
        }

        writer.WriteUInt32((uint)absorptions.Length);
        foreach (VdfAbsorption absorption in absorptions)
        {
            writer.WriteUInt64(absorption.Iteration);
            writer.WriteHash(absorption.Root);
        }

        Span<byte> prefix = stackalloc byte[32];
        var tag = new ProtocolWriter(prefix);
        tag.WriteTag(DomainTags.Vdf);
        tag.WriteBytes("descent"u8);
        return Sha256.HashConcat(tag.Written, body);
    }

    private static void WritePoint(ref ProtocolWriter writer, VdfPoint point)
    {
        writer.WriteUInt64(point.Iterations);
        writer.WriteHash(point.State);
    }

    private static VdfVerificationResult Reject(VdfRejection reason, int index, string message) =>
        VdfVerificationResult.Fail(reason, message, index);
}
