// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Latency;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Latency;

/// <summary>docs/protocol.md §12.3: the latency judge's order of checks and its inclusive, exact boundaries.</summary>
public sealed class LatencyJudgeTests
{
    private static readonly ProverPublicKey[] s_vantage = [Key(1), Key(2), Key(3)];

    /// <summary>The standard profile's limits (100 ms average, 20 ms deviation, 3 vantage points), 10 samples, a 2 s probe timeout.</summary>
    private static readonly LatencyCriteria s_criteria = LatencyCriteria.From(ConsensusParameters.Standard, minSamples: 10, TimeSpan.FromSeconds(2));

    [Fact]
    public void Criteria_ComeFromTheProfile()
    {
        Assert.Equal(100_000UL, s_criteria.MaxAverageMicroseconds);
        Assert.Equal(20_000UL, s_criteria.MaxStandardDeviationMicroseconds);
        Assert.Equal(3, s_criteria.VantagePoints);
        Assert.Equal(2_000_000UL, s_criteria.FailedProbeMicroseconds);
    }

    [Fact]
    public void SteadyFastSamples_FromEnoughVantagePoints_Pass()
    {
        LatencyVerdict verdict = LatencyJudge.Judge(Samples(12, _ => 1_000), s_criteria);

        Assert.Equal(LatencyOutcome.Passed, verdict.Outcome);
        Assert.Equal(12, verdict.Samples);
        Assert.Equal(3, verdict.VantagePoints);
        Assert.Equal(1_000UL, verdict.AverageMicroseconds);
        Assert.Equal(0UL, verdict.StandardDeviationMicroseconds);
        Assert.False(verdict.IsFailure);
    }

    [Fact]
    public void OneSampleShort_IsInsufficient_WhateverTheFigures()
    {
        LatencyVerdict verdict = LatencyJudge.Judge(Samples(9, _ => 500_000), s_criteria);

        Assert.Equal(LatencyOutcome.Insufficient, verdict.Outcome);
        Assert.Contains("at least 10 samples", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(500_000UL, verdict.AverageMicroseconds);
    }

    [Fact]
    public void TooFewVantagePoints_IsInsufficient_EvenWhenSlow()
    {
        List<LatencySample> samples = [.. Enumerable.Range(0, 20).Select(i => new LatencySample(s_vantage[i % 2], 500_000, true))];

        LatencyVerdict verdict = LatencyJudge.Judge(samples, s_criteria);

        Assert.Equal(LatencyOutcome.Insufficient, verdict.Outcome);
        Assert.Equal(2, verdict.VantagePoints);
        Assert.Contains("3 distinct vantage points", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AverageExactlyAtTheLimit_Passes_OneMicrosecondMore_IsTooSlow()
    {
        Assert.Equal(LatencyOutcome.Passed, LatencyJudge.Judge(Samples(10, _ => 100_000), s_criteria).Outcome);

        // Sum one microsecond above 100 ms · 10: the average is 100.0001 ms, rejected by the exact integer comparison.
        LatencyVerdict verdict = LatencyJudge.Judge(Samples(10, i => i == 0 ? 100_001UL : 100_000UL), s_criteria);

        Assert.Equal(LatencyOutcome.TooSlow, verdict.Outcome);
        Assert.True(verdict.IsFailure);
    }

    [Fact]
    public void DeviationExactlyAtTheLimit_Passes_AboveIt_IsTooVariable()
    {
        // Alternating 30 ms and 70 ms: average 50 ms, population standard deviation exactly 20 ms.
        Assert.Equal(LatencyOutcome.Passed, LatencyJudge.Judge(Samples(10, i => i % 2 == 0 ? 30_000UL : 70_000UL), s_criteria).Outcome);

        LatencyVerdict verdict = LatencyJudge.Judge(Samples(10, i => i % 2 == 0 ? 29_999UL : 70_001UL), s_criteria);

        Assert.Equal(LatencyOutcome.TooVariable, verdict.Outcome);
        Assert.Equal(50_000UL, verdict.AverageMicroseconds);
        Assert.Equal(20_001UL, verdict.StandardDeviationMicroseconds);
    }

    [Fact]
    public void TooSlow_IsDecidedBeforeTooVariable()
    {
        LatencyVerdict verdict = LatencyJudge.Judge(Samples(10, i => i % 2 == 0 ? 10_000UL : 400_000UL), s_criteria);

        Assert.Equal(LatencyOutcome.TooSlow, verdict.Outcome);
    }

    [Fact]
    public void UnverifiedSamples_CountAsTheProbeTimeout_SoFastGarbageDoesNotHelp()
    {
        // Nine fast verified answers and one instant but wrong answer: the wrong one counts as 2 s, so the average is 200.9 ms.
        List<LatencySample> samples = [.. Samples(9, _ => 1_000), new LatencySample(s_vantage[0], 10, DataVerified: false)];

        LatencyVerdict verdict = LatencyJudge.Judge(samples, s_criteria);

        Assert.Equal(LatencyOutcome.TooSlow, verdict.Outcome);
        Assert.Equal(200_900UL, verdict.AverageMicroseconds);
    }

    [Fact]
    public void HugeRoundTrips_AreCappedAtAnHour_WithoutOverflow()
    {
        LatencyVerdict verdict = LatencyJudge.Judge(Samples(10, _ => ulong.MaxValue), s_criteria);

        Assert.Equal(LatencyOutcome.TooSlow, verdict.Outcome);
        Assert.Equal(LatencyJudge.MaxCountedMicroseconds, verdict.AverageMicroseconds);
    }

    [Fact]
    public void NoSamples_IsInsufficient_WithZeroFigures()
    {
        LatencyVerdict verdict = LatencyJudge.Judge([], s_criteria);

        Assert.Equal(LatencyOutcome.Insufficient, verdict.Outcome);
        Assert.Equal(0UL, verdict.AverageMicroseconds);
        Assert.Equal(0, verdict.VantagePoints);
    }

    [Fact]
    public void Criteria_RejectBadVerifierChoices()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyCriteria.From(ConsensusParameters.Dev, 0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyCriteria.From(ConsensusParameters.Dev, 10, TimeSpan.Zero));
    }

    private static List<LatencySample> Samples(int count, Func<int, ulong> roundTrip) =>
        [.. Enumerable.Range(0, count).Select(i => new LatencySample(s_vantage[i % s_vantage.Length], roundTrip(i), true))];

    private static ProverPublicKey Key(byte b)
    {
        byte[] bytes = new byte[32];
        bytes[0] = b;
        return new ProverPublicKey(bytes);
    }
}
