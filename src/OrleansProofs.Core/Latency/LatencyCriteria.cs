// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Parameters;

namespace OrleansProofs.Core.Latency;

/// <summary>
/// What a latency verdict needs: the profile's limits (<see cref="ConsensusParameters.MaxAverageLatency"/>,
/// <see cref="ConsensusParameters.MaxLatencyStandardDeviation"/>, <see cref="ConsensusParameters.LatencyVantagePoints"/>)
/// and the verifier's own sampling choices (how many samples at least, what an unanswered probe counts as).
/// </summary>
/// <param name="MaxAverageMicroseconds">Largest acceptable average round trip.</param>
/// <param name="MaxStandardDeviationMicroseconds">Largest acceptable (population) standard deviation.</param>
/// <param name="VantagePoints">Distinct measuring verifiers the samples must come from.</param>
/// <param name="MinSamples">Fewest samples a verdict needs.</param>
/// <param name="FailedProbeMicroseconds">
/// What a probe without a verified answer counts as, at least (the probe timeout): so refusing, dropping or
/// garbling the probes that would be slow never lowers the average.
/// </param>
public sealed record LatencyCriteria(
    ulong MaxAverageMicroseconds,
    ulong MaxStandardDeviationMicroseconds,
    int VantagePoints,
    int MinSamples,
    ulong FailedProbeMicroseconds)
{
    /// <summary>The criteria of <paramref name="parameters"/> with the verifier's sample minimum and probe timeout.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minSamples"/> is below 1, or <paramref name="probeTimeout"/> is not positive.</exception>
    public static LatencyCriteria From(ConsensusParameters parameters, int minSamples, TimeSpan probeTimeout)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (minSamples < 1)
        {
            throw Error.OutOfRange(nameof(minSamples), minSamples, "must be at least 1");
        }

        if (probeTimeout <= TimeSpan.Zero)
        {
            throw Error.OutOfRange(nameof(probeTimeout), probeTimeout, "must be positive");
        }

        return new LatencyCriteria(
            Microseconds(parameters.MaxAverageLatency),
            Microseconds(parameters.MaxLatencyStandardDeviation),
            parameters.LatencyVantagePoints,
            minSamples,
            Microseconds(probeTimeout));
    }

    /// <summary>Whole microseconds of a non-negative duration (negative ones count as zero).</summary>
    public static ulong Microseconds(TimeSpan duration) => (ulong)Math.Max(0, duration.Ticks / TimeSpan.TicksPerMicrosecond);
}
