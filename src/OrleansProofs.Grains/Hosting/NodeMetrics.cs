// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Grains.Hosting;

/// <summary>
/// The node's instruments (meter <see cref="NodeTelemetry.MeterName"/>), named after the OpenTelemetry
/// semantic conventions: dotted lower-case names under <c>orleansproofs.</c>, UCUM units (<c>s</c>,
/// <c>{block}</c>), short attribute names scoped by the instrument. Grains record through the methods
/// here, so the names, units and attribute values are defined once (docs/operations.md lists them).
/// Measurements cost nothing while no listener (an exporter, a test's <see cref="MeterListener"/>) is attached.
/// </summary>
/// <remarks>
/// The verifier's availability-challenge and audit instruments live in <see cref="Audit.AuditMetrics"/> on the same meter.
/// Left out on purpose, because nothing real produces it yet: a VDF
/// iterations-per-second gauge (the continuous VDF does not run in the cluster; only the CLI's
/// <c>posc vdf bench</c> measures a rate). They are added with the features, never ahead of them with made-up values.
/// </remarks>
internal sealed class NodeMetrics
{
    /// <summary>Histogram bucket bounds for durations in seconds: 1 ms to 1 min (the OpenTelemetry defaults suit milliseconds).</summary>
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Bucket bounds for per-block chain counts: a dev node's handful to a large node's 100,000s.</summary>
    private static readonly long[] ChainBuckets = [0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    /// <summary>Bucket bounds for commitment-log batch sizes (a group's members, at most chains-per-group).</summary>
    private static readonly long[] RowBuckets = [1, 10, 100, 1_000, 10_000];

    private readonly Counter<long> _blocks;
    private readonly Histogram<double> _blockDuration;
    private readonly Histogram<double> _phaseDuration;
    private readonly Histogram<long> _blockChains;
    private readonly Counter<long> _gaps;
    private readonly Histogram<double> _logWriteDuration;
    private readonly Histogram<long> _logWriteRows;
    private readonly Counter<long> _verifications;

    /// <summary>Each network's chain counts, published by its ingress (kept current on every roster change; read per scrape).</summary>
    private readonly ConcurrentDictionary<string, ChainCounts> _chains = new(StringComparer.Ordinal);

    /// <summary>Creates the meter through the host's factory (so it is disposed with the host) and its instruments.</summary>
    public NodeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(new MeterOptions(NodeTelemetry.MeterName) { Version = Version });
        _blocks = meter.CreateCounter<long>("orleansproofs.blocks", "{block}",
            "Block announcements the ingress handled, by network and outcome (recorded, duplicate, rejected with a reason, failed).");
        _blockDuration = meter.CreateHistogram("orleansproofs.block.duration", "s",
            "Wall time of a recorded block at the ingress, from the announcement to the published record (fan-out, hierarchy, signing, persistence, lifecycle).",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _phaseDuration = meter.CreateHistogram("orleansproofs.block.phase.duration", "s",
            "Wall time of one phase of a recorded block: commit (fan-out until every chain's commit and commitment-log batch was durable), hierarchy (global root), sign, record (state write).",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _blockChains = meter.CreateHistogram("orleansproofs.block.chains", "{chain}",
            "Chains a recorded block covered (each committed one record).",
            tags: null, advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = ChainBuckets });
        _gaps = meter.CreateCounter<long>("orleansproofs.chain.gaps", "{gap}",
            "Gap records written: a covered chain could not produce its block's commitment (the faults of BlockRecord).");
        _logWriteDuration = meter.CreateHistogram("orleansproofs.commitment_log.write.duration", "s",
            "Wall time of one group's commitment-log batch write.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _logWriteRows = meter.CreateHistogram("orleansproofs.commitment_log.write.rows", "{row}",
            "Rows (chain records) in one group's commitment-log batch write.",
            tags: null, advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = RowBuckets });
        _verifications = meter.CreateCounter<long>("orleansproofs.proof.verifications", "{proof}",
            "Proofs the verifier worker checked, by format and result (and, when invalid, the first failed check).");
        meter.CreateObservableUpDownCounter("orleansproofs.chains", ObserveChains, "{chain}",
            "Chains in the ingress roster by network and status (pending, active, removing); removed and expired chains have left it.");
    }

    /// <summary>The meter's version: the Grains assembly's.</summary>
    public static string Version { get; } = typeof(NodeMetrics).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>Counts a handled announcement under its outcome (and rejection reason).</summary>
    public void BlockHandled(string network, BlockResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        TagList tags = new() { { "network", network }, { "outcome", OutcomeName(result.Outcome) } };
        if (result.Outcome == BlockOutcome.Rejected)
        {
            tags.Add("reason", RejectionName(result.Rejection));
        }

        _blocks.Add(1, tags);
    }

    /// <summary>Counts an announcement whose processing threw (nothing was recorded; the block may be announced again).</summary>
    public void BlockFailed(string network) =>
        _blocks.Add(1, new KeyValuePair<string, object?>("network", network), new KeyValuePair<string, object?>("outcome", "failed"));

    /// <summary>Records a newly recorded block: its whole duration, its phases from <see cref="BlockRecord.Timings"/>, its chains and gaps.</summary>
    public void BlockRecorded(string network, BlockRecord record, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(record);
        KeyValuePair<string, object?> net = new("network", network);
        _blockDuration.Record(total.TotalSeconds, net);
        Phase(network, "commit", record.Timings.Commit);
        Phase(network, "hierarchy", record.Timings.Hierarchy);
        Phase(network, "sign", record.Timings.Sign);
        _blockChains.Record((long)record.TotalChains, net);
        if (record.Faults > 0)
        {
            _gaps.Add((long)record.Faults, net);
        }
    }

    /// <summary>Records the duration of one phase of a block (the ingress calls it for <c>record</c>, the state write).</summary>
    public void Phase(string network, string phase, TimeSpan elapsed) =>
        _phaseDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("network", network), new KeyValuePair<string, object?>("phase", phase));

    /// <summary>Records one commitment-log batch write.</summary>
    public void CommitmentLogWritten(string network, int rows, TimeSpan elapsed)
    {
        KeyValuePair<string, object?> net = new("network", network);
        _logWriteDuration.Record(elapsed.TotalSeconds, net);
        _logWriteRows.Record(rows, net);
    }

    /// <summary>Counts one proof verification.</summary>
    public void ProofVerified(ProofFormat format, ProofFailure failure)
    {
        TagList tags = new() { { "format", format.ToName() }, { "result", failure == ProofFailure.None ? "valid" : "invalid" } };
        if (failure != ProofFailure.None)
        {
            tags.Add("failure", failure.ToString());
        }

        _verifications.Add(1, tags);
    }

    /// <summary>Publishes a network's current chain counts (its ingress calls this after every roster change).</summary>
    public void PublishChains(string network, ChainCounts counts) => _chains[network] = counts;

    /// <summary>Stops reporting a network (its ingress deactivated here; another activation reports it from then on).</summary>
    public void WithdrawChains(string network) => _chains.TryRemove(network, out _);

    /// <summary>The published counts of <paramref name="network"/>, if any (for tests and diagnostics).</summary>
    public ChainCounts? ChainsOf(string network) => _chains.TryGetValue(network, out ChainCounts counts) ? counts : null;

    private IEnumerable<Measurement<long>> ObserveChains()
    {
        foreach ((string network, ChainCounts counts) in _chains)
        {
            KeyValuePair<string, object?> net = new("network", network);
            yield return new Measurement<long>(counts.Pending, net, new KeyValuePair<string, object?>("status", "pending"));
            yield return new Measurement<long>(counts.Active, net, new KeyValuePair<string, object?>("status", "active"));
            yield return new Measurement<long>(counts.Removing, net, new KeyValuePair<string, object?>("status", "removing"));
        }
    }

    private static string OutcomeName(BlockOutcome outcome) => outcome switch
    {
        BlockOutcome.Recorded => "recorded",
        BlockOutcome.Duplicate => "duplicate",
        _ => "rejected",
    };

    private static string RejectionName(BlockRejection rejection) => rejection switch
    {
        BlockRejection.ConflictingHash => "conflicting_hash",
        BlockRejection.Gap => "gap",
        BlockRejection.OlderHeight => "older_height",
        BlockRejection.Invalid => "invalid",
        _ => "none",
    };
}
