// SPDX-License-Identifier: MIT

using System.Globalization;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Latency;

/// <summary>
/// Judges a window of latency samples (docs/protocol.md §12.3). In order: fewer than
/// <see cref="LatencyCriteria.MinSamples"/> samples, or samples from fewer than
/// <see cref="LatencyCriteria.VantagePoints"/> distinct verifiers, is <see cref="LatencyOutcome.Insufficient"/>;
/// an average above the limit is <see cref="LatencyOutcome.TooSlow"/>; a population standard deviation above
/// its limit is <see cref="LatencyOutcome.TooVariable"/>; else <see cref="LatencyOutcome.Passed"/>. Limits are
/// inclusive and compared exactly in integers (<c>Σx ≤ max·n</c>, <c>n·Σx² − (Σx)² ≤ max_sd²·n²</c>), so a
/// verdict never depends on floating-point rounding. A sample without a verified answer counts as at least
/// <see cref="LatencyCriteria.FailedProbeMicroseconds"/>. Round trips above an hour count as an hour (no overflow).
/// </summary>
public static class LatencyJudge
{
    /// <summary>The largest round trip counted, in microseconds (one hour); keeps the integer sums exact.</summary>
    public const ulong MaxCountedMicroseconds = 3_600_000_000;

    /// <summary>Judges <paramref name="samples"/> (the window: the caller keeps the most recent ones) against <paramref name="criteria"/>.</summary>
    public static LatencyVerdict Judge(IReadOnlyCollection<LatencySample> samples, LatencyCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(criteria);
        int n = samples.Count;
        HashSet<ProverPublicKey> vantagePoints = [];
        UInt128 sum = 0;
        UInt128 sumOfSquares = 0;
        foreach (LatencySample sample in samples)
        {
            vantagePoints.Add(sample.VantagePoint);
            ulong x = Counted(sample, criteria);
            sum += x;
            sumOfSquares += (UInt128)x * x;
        }

        int vantage = vantagePoints.Count;
        double average = n == 0 ? 0 : (double)sum / n;
        // n·Σx² ≥ (Σx)² always (Cauchy–Schwarz), so the difference is exact and non-negative.
        UInt128 scaledVariance = n == 0 ? 0 : (UInt128)n * sumOfSquares - sum * sum;
        double deviation = n == 0 ? 0 : Math.Sqrt((double)scaledVariance) / n;
        ulong averageUs = (ulong)Math.Round(average, MidpointRounding.AwayFromZero);
        ulong deviationUs = (ulong)Math.Round(deviation, MidpointRounding.AwayFromZero);
        string figures = string.Create(CultureInfo.InvariantCulture,
            $"{n} samples from {vantage} vantage points, average {average / 1000:F3} ms, standard deviation {deviation / 1000:F3} ms");

        LatencyVerdict Verdict(LatencyOutcome outcome, string reason) => new(outcome, n, vantage, averageUs, deviationUs, reason);

        if (n < criteria.MinSamples)
        {
            return Verdict(LatencyOutcome.Insufficient, $"{figures}: at least {criteria.MinSamples} samples are needed.");
        }

        if (vantage < criteria.VantagePoints)
        {
            return Verdict(LatencyOutcome.Insufficient, $"{figures}: samples from at least {criteria.VantagePoints} distinct vantage points are needed.");
        }

        ulong maxAverage = Math.Min(criteria.MaxAverageMicroseconds, MaxCountedMicroseconds);
        if (sum > (UInt128)maxAverage * (ulong)n)
        {
            return Verdict(LatencyOutcome.TooSlow, string.Create(CultureInfo.InvariantCulture,
                $"{figures}: the average exceeds the limit of {maxAverage / 1000.0:F3} ms."));
        }

        ulong maxDeviation = Math.Min(criteria.MaxStandardDeviationMicroseconds, MaxCountedMicroseconds);
        if (scaledVariance > (UInt128)maxDeviation * maxDeviation * (ulong)n * (ulong)n)
        {
            return Verdict(LatencyOutcome.TooVariable, string.Create(CultureInfo.InvariantCulture,
                $"{figures}: the standard deviation exceeds the limit of {maxDeviation / 1000.0:F3} ms."));
        }

        return Verdict(LatencyOutcome.Passed, $"{figures}: within the limits.");
    }

    /// <summary>The value a sample counts as: its round trip, at least the failed-probe value when unverified, at most an hour.</summary>
    public static ulong Counted(LatencySample sample, LatencyCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ulong x = sample.DataVerified ? sample.RoundTripMicroseconds : Math.Max(sample.RoundTripMicroseconds, criteria.FailedProbeMicroseconds);
        return Math.Min(x, MaxCountedMicroseconds);
    }
}
