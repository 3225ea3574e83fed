// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Core.Latency;

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The body of <c>POST /api/latency/probes</c>: a peer verifier's signed probe request.</summary>
/// <param name="Probe">Core's <c>LatencyProbe</c> encoding (208 bytes), hex.</param>
public sealed record LatencyProbeBody(string? Probe);

/// <summary>The answer of <c>POST /api/latency/probes</c>: the signed measurement and its decoded fields.</summary>
public sealed record LatencyMeasurementResponse(
    string Measurement,
    string Measurer,
    string Requester,
    string Prover,
    ulong Height,
    string ChainId,
    ulong ChunkIndex,
    string Nonce,
    bool DataVerified,
    ulong RoundTripMicroseconds)
{
    /// <summary>Decodes a measurement this node signed itself.</summary>
    public static LatencyMeasurementResponse From(ImmutableArray<byte> encoded)
    {
        LatencyMeasurement m = LatencyMeasurement.Decode(encoded.AsSpan());
        return new LatencyMeasurementResponse(
            Convert.ToHexStringLower(encoded.AsSpan()), m.Measurer.ToString(), m.Probe.Requester.ToString(), m.Probe.Prover.ToString(), m.Probe.Height,
            m.Probe.Challenge.ChainId.ToString(), m.Probe.Challenge.ChunkIndex, m.Probe.Challenge.Nonce.ToString(), m.DataVerified, m.RoundTripMicroseconds);
    }
}

/// <summary>One audited prover's latency figures (its window of recent samples) and the latest signed report.</summary>
public sealed record LatencyScoreResponse(
    string Verdict,
    string Reason,
    int Samples,
    int VantagePoints,
    double? AverageMs,
    double? StandardDeviationMs,
    ulong ChecksFailed,
    ulong PeerSamplesRejected,
    string? LastPeerError,
    ulong ProbesMeasuredForPeers,
    string? LatestReport)
{
    /// <summary>Maps a summary's latency part (null for a summary without one).</summary>
    public static LatencyScoreResponse? From(ProverLatencySummary? s) => s is null ? null : new(
        s.Verdict,
        s.Reason,
        s.Samples,
        s.VantagePoints,
        Milliseconds(s.AverageMicroseconds),
        Milliseconds(s.StandardDeviationMicroseconds),
        s.ChecksFailed,
        s.PeerSamplesRejected,
        s.LastPeerError,
        s.ProbesMeasuredForPeers,
        s.LatestReport.IsDefaultOrEmpty ? null : Convert.ToHexStringLower(s.LatestReport.AsSpan()));

    /// <summary>Microseconds as milliseconds (three decimals), or null.</summary>
    public static double? Milliseconds(ulong? microseconds) => microseconds is { } us ? Math.Round(us / 1000.0, 3) : null;
}

/// <summary>
/// Latency figures over every audited prover for <c>GET /api/network/stats</c>: samples summed, the fewest vantage
/// points any prover's window has, the pooled average and standard deviation, and the worst verdict
/// (too_slow, too_variable, insufficient, passed in that order) with how many provers pass and fail.
/// </summary>
public sealed record LatencyTotals(int Provers, int Passing, int Failing, int Samples, int VantagePoints, double? AverageMs, double? StandardDeviationMs, string Verdict)
{
    /// <summary>Pools the provers' windows (null when no prover has latency figures).</summary>
    public static LatencyTotals? From(ImmutableArray<ProverAuditSummary> provers)
    {
        List<ProverLatencySummary> latency = [.. provers.Select(p => p.Latency).OfType<ProverLatencySummary>()];
        if (latency.Count == 0)
        {
            return null;
        }

        List<ProverLatencySummary> sampled = [.. latency.Where(l => l.Samples > 0 && l.AverageMicroseconds is not null)];
        int samples = sampled.Sum(l => l.Samples);
        double? average = null;
        double? deviation = null;
        if (samples > 0)
        {
            // Pooled moments: E[x] = Σ nᵢ·mᵢ / N, E[x²] = Σ nᵢ·(sᵢ² + mᵢ²) / N.
            double mean = sampled.Sum(l => l.Samples * (double)l.AverageMicroseconds!.Value) / samples;
            double square = sampled.Sum(l => l.Samples * (Math.Pow(l.StandardDeviationMicroseconds ?? 0, 2) + Math.Pow(l.AverageMicroseconds!.Value, 2))) / samples;
            average = Math.Round(mean / 1000, 3);
            deviation = Math.Round(Math.Sqrt(Math.Max(0, square - mean * mean)) / 1000, 3);
        }

        string[] order = ["too_slow", "too_variable", "insufficient", "passed"];
        string worst = order.First(v => v == "passed" || latency.Any(l => l.Verdict == v));
        return new LatencyTotals(
            latency.Count,
            latency.Count(l => l.Verdict == "passed"),
            latency.Count(l => l.Verdict is "too_slow" or "too_variable"),
            samples,
            latency.Min(l => l.VantagePoints),
            average,
            deviation,
            worst);
    }
}
