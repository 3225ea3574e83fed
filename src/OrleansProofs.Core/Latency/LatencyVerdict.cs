// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Latency;

/// <summary>The outcome of judging a window of latency samples, with the figures it was decided on.</summary>
/// <param name="Outcome">The verdict.</param>
/// <param name="Samples">Samples judged.</param>
/// <param name="VantagePoints">Distinct measuring verifiers among them.</param>
/// <param name="AverageMicroseconds">Their average round trip, rounded to whole microseconds (0 without samples).</param>
/// <param name="StandardDeviationMicroseconds">Their population standard deviation, rounded (0 without samples).</param>
/// <param name="Reason">Why, with the figures and the limits: what an operator reads.</param>
public sealed record LatencyVerdict(
    LatencyOutcome Outcome,
    int Samples,
    int VantagePoints,
    ulong AverageMicroseconds,
    ulong StandardDeviationMicroseconds,
    string Reason)
{
    /// <summary>Whether the verdict counts as a failure towards slashing (too slow or too variable).</summary>
    public bool IsFailure => LatencyOutcomes.IsFailure(Outcome);
}
