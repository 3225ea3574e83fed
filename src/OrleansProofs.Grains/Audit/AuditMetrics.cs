// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Core.Challenges;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// The verifier's instruments on the node's meter (<see cref="NodeTelemetry.MeterName"/>): availability
/// challenges by outcome, their round trips as the verifier measured them, audited block records and
/// proofs by result, slashes, and latency probes, verdicts and refused peer measurements (docs/operations.md lists them).
/// </summary>
internal sealed class AuditMetrics
{
    /// <summary>Round-trip bucket bounds in seconds: 0.5 ms to 5 s around the 500 ms deadline.</summary>
    private static readonly double[] RoundTripBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Counter<long> _challenges;
    private readonly Histogram<double> _roundTrip;
    private readonly Counter<long> _blockRecords;
    private readonly Counter<long> _proofs;
    private readonly Counter<long> _slashes;
    private readonly Histogram<double> _latencyProbe;
    private readonly Counter<long> _latencyVerdicts;
    private readonly Counter<long> _latencyPeerRejections;

    public AuditMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(new MeterOptions(NodeTelemetry.MeterName) { Version = Hosting.NodeMetrics.Version });
        _challenges = meter.CreateCounter<long>("orleansproofs.availability.challenges", "{challenge}",
            "Availability challenges this verifier issued, by outcome (passed, late, no_answer, wrong_chunk, wrong_binding, wrong_target).");
        _roundTrip = meter.CreateHistogram("orleansproofs.availability.round_trip", "s",
            "Round trip of an availability challenge as the verifier measured it (request sent to answer read).",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RoundTripBuckets });
        _blockRecords = meter.CreateCounter<long>("orleansproofs.audit.block_records", "{block}",
            "Provers' signed block records this verifier checked, by result (valid, invalid).");
        _proofs = meter.CreateCounter<long>("orleansproofs.audit.proofs", "{proof}",
            "Provers' compact proofs this verifier fetched and verified, by result (valid, invalid).");
        _slashes = meter.CreateCounter<long>("orleansproofs.audit.slashes", "{slash}",
            "Slashes for failures past the threshold, by result (slashed, due: the prover held no active bond).");
        _latencyProbe = meter.CreateHistogram("orleansproofs.latency.probe_round_trip", "s",
            "Round trip of a data-dependent latency probe as its vantage point measured it, by source (self, peer, peer_request) and verified (true, false).",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RoundTripBuckets });
        _latencyVerdicts = meter.CreateCounter<long>("orleansproofs.latency.verdicts", "{verdict}",
            "Latency verdicts reached per audited block, by verdict (passed, too_slow, too_variable, insufficient).");
        _latencyPeerRejections = meter.CreateCounter<long>("orleansproofs.latency.peer_rejections", "{measurement}",
            "Peer measurements refused (unreachable peer, bad signature, measurement for another probe).");
    }

    public void Challenge(AvailabilityOutcome outcome, TimeSpan roundTrip)
    {
        KeyValuePair<string, object?> tag = new("outcome", AvailabilityJudge.NameOf(outcome));
        _challenges.Add(1, tag);
        _roundTrip.Record(roundTrip.TotalSeconds, tag);
    }

    public void BlockRecord(bool valid) => _blockRecords.Add(1, new KeyValuePair<string, object?>("result", valid ? "valid" : "invalid"));

    public void Proof(bool valid) => _proofs.Add(1, new KeyValuePair<string, object?>("result", valid ? "valid" : "invalid"));

    public void LatencyProbe(string source, bool verified, ulong microseconds) =>
        _latencyProbe.Record(microseconds / 1e6, new TagList { { "source", source }, { "verified", verified ? "true" : "false" } });

    public void LatencyVerdict(Core.Latency.LatencyOutcome outcome) =>
        _latencyVerdicts.Add(1, new KeyValuePair<string, object?>("verdict", Core.Latency.LatencyOutcomes.NameOf(outcome)));

    public void LatencyPeerRejected() => _latencyPeerRejections.Add(1);

    public void Slash(bool slashed) => _slashes.Add(1, new TagList { { "result", slashed ? "slashed" : "due" } });
}
