// SPDX-License-Identifier: MIT

using System.Diagnostics.Metrics;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Vdf;

/// <summary>
/// The VDF's instruments on the node's meter (<see cref="NodeTelemetry.MeterName"/>; the factory returns
/// the same meter as <see cref="NodeMetrics"/>): iterations done (counter), the evaluator's measured
/// rate (gauge), checkpoints made and written (counter), restarts (gauge). docs/operations.md lists them.
/// </summary>
internal sealed class VdfMetrics
{
    private readonly Counter<long> _iterations;
    private readonly Counter<long> _checkpoints;
    private Func<(double Rate, uint Restarts)>? _source;

    /// <summary>Creates the instruments.</summary>
    public VdfMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(new MeterOptions(NodeTelemetry.MeterName) { Version = NodeMetrics.Version });
        _iterations = meter.CreateCounter<long>("orleansproofs.vdf.iterations", "{iteration}",
            "Iterations of the continuous VDF evaluated on this silo (a resumed evaluator re-does the iterations lost since the last durable checkpoint).");
        _checkpoints = meter.CreateCounter<long>("orleansproofs.vdf.checkpoints", "{checkpoint}",
            "Signed VDF checkpoints, by stage: made by the evaluator, written to durable storage.");
        meter.CreateObservableGauge("orleansproofs.vdf.rate", ObserveRate, "{iteration}/s",
            "The evaluator's iterations per second over its last 5 seconds (absent while the VDF does not run on this silo).");
        meter.CreateObservableGauge("orleansproofs.vdf.restarts", ObserveRestarts, "{restart}",
            "The VDF chain's restart counter: resumes from a durable checkpoint after a failover or deactivation.");
    }

    /// <summary>Counts evaluated iterations (evaluator thread).</summary>
    public void Iterated(ulong iterations) => _iterations.Add((long)iterations);

    /// <summary>Counts a checkpoint at <paramref name="stage"/> ("made" or "written").</summary>
    public void Checkpoint(string stage) => _checkpoints.Add(1, new KeyValuePair<string, object?>("stage", stage));

    /// <summary>Reports the rate and restarts of the evaluator running on this silo (null: none runs).</summary>
    public void Publish(Func<(double Rate, uint Restarts)>? source) => Volatile.Write(ref _source, source);

    private IEnumerable<Measurement<double>> ObserveRate()
    {
        if (Volatile.Read(ref _source) is { } source)
        {
            yield return new Measurement<double>(source().Rate);
        }
    }

    private IEnumerable<Measurement<long>> ObserveRestarts()
    {
        if (Volatile.Read(ref _source) is { } source)
        {
            yield return new Measurement<long>(source().Restarts);
        }
    }
}
