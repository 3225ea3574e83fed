// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Latency;

/// <summary>
/// A latency verdict (encoded as one byte in <see cref="LatencyReport"/>; the values never change within
/// protocol version 1). <see cref="TooSlow"/> and <see cref="TooVariable"/> are failures;
/// <see cref="Insufficient"/> decides nothing either way.
/// </summary>
public enum LatencyOutcome : byte
{
    /// <summary>Enough samples from enough vantage points, average and standard deviation within the limits.</summary>
    Passed = 0,

    /// <summary>The average round trip exceeds the profile's MaxAverageLatency.</summary>
    TooSlow = 1,

    /// <summary>The average is within the limit but the standard deviation exceeds MaxLatencyStandardDeviation.</summary>
    TooVariable = 2,

    /// <summary>Too few samples, or samples from too few distinct vantage points, to judge.</summary>
    Insufficient = 3,
}

/// <summary>Names of <see cref="LatencyOutcome"/>.</summary>
public static class LatencyOutcomes
{
    /// <summary>The largest defined value (decoders reject anything above it).</summary>
    public const LatencyOutcome Max = LatencyOutcome.Insufficient;

    /// <summary>Whether the verdict counts as a failure towards slashing.</summary>
    public static bool IsFailure(LatencyOutcome outcome) => outcome is LatencyOutcome.TooSlow or LatencyOutcome.TooVariable;

    /// <summary>The wire name (API, metrics): passed, too_slow, too_variable, insufficient.</summary>
    public static string NameOf(LatencyOutcome outcome) => outcome switch
    {
        LatencyOutcome.Passed => "passed",
        LatencyOutcome.TooSlow => "too_slow",
        LatencyOutcome.TooVariable => "too_variable",
        LatencyOutcome.Insufficient => "insufficient",
        _ => "unknown",
    };
}
