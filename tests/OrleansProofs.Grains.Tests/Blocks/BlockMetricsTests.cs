// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Abstractions.Workers;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Blocks;

/// <summary>
/// The node's meter seen by a plain <see cref="MeterListener"/> (no OpenTelemetry): announcements are
/// counted by outcome, a recorded block records its duration, each phase, its chains and its
/// commitment-log batches, the roster's counts follow enrollment, activation and removal, and proof
/// verdicts are counted by format and result. Measurements are taken by this test's network name (or
/// as at-least deltas where an instrument has no network), so other tests in the shared cluster do not disturb it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BlockMetricsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task BlocksAreCountedByOutcomeAndRecordedBlocksRecordTheirDurations()
    {
        TestNetwork network = new(fixture, "metrics");
        using MeterCapture capture = new();

        Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(10)).Outcome);
        Assert.Equal(BlockOutcome.Duplicate, (await network.AnnounceAsync(10)).Outcome);
        Assert.Equal(BlockOutcome.Rejected, (await network.AnnounceAsync(12)).Outcome);
        await network.RegisterAsync(network.WriteFile(9_000, seed: 1));
        await network.RegisterAsync(network.WriteFile(5_000, seed: 2));
        Assert.Equal(new ChainCounts(Pending: 2, Active: 0, Removing: 0), capture.Chains(network.Name));

        BlockResult covering = await network.AnnounceAsync(11);
        Assert.Equal(2UL, covering.Record!.TotalChains);

        IReadOnlyList<Measured> blocks = capture.Of("orleansproofs.blocks", network.Name);
        Assert.Equal(2, blocks.Count(m => m.Tag("outcome") == "recorded"));
        Assert.Equal(1, blocks.Count(m => m.Tag("outcome") == "duplicate"));
        Measured rejected = Assert.Single(blocks, m => m.Tag("outcome") == "rejected");
        Assert.Equal("gap", rejected.Tag("reason"));
        Assert.All(blocks, m => Assert.Equal(1, m.Value));

        IReadOnlyList<Measured> durations = capture.Of("orleansproofs.block.duration", network.Name);
        Assert.Equal(2, durations.Count);
        Assert.All(durations, m => Assert.InRange(m.Value, double.Epsilon, 60));
        IReadOnlyList<Measured> phases = capture.Of("orleansproofs.block.phase.duration", network.Name);
        foreach (string phase in new[] { "commit", "hierarchy", "sign", "record" })
        {
            Assert.Equal(2, phases.Count(m => m.Tag("phase") == phase));
        }

        Assert.All(phases, m => Assert.InRange(m.Value, 0, durations.Max(d => d.Value)));
        Assert.Equal([0.0, 2.0], capture.Of("orleansproofs.block.chains", network.Name).Select(m => m.Value));
        Assert.Equal(2.0, capture.Of("orleansproofs.commitment_log.write.rows", network.Name).Sum(m => m.Value));
        Assert.NotEmpty(capture.Of("orleansproofs.commitment_log.write.duration", network.Name));
        Assert.Equal(new ChainCounts(Pending: 0, Active: 2, Removing: 0), capture.Chains(network.Name));
    }

    [Fact]
    public async Task ChainCountsFollowRemovalAndSurviveReactivation()
    {
        TestNetwork network = new(fixture, "metrics-rm");
        using MeterCapture capture = new();
        await network.AnnounceAsync(1);
        (IChainGrain leaving, _) = await network.RegisterAsync(network.WriteFile(4_096, seed: 3));
        await network.RegisterAsync(network.WriteFile(4_096, seed: 4));
        await network.AnnounceAsync(2);
        Assert.Equal(new ChainCounts(Pending: 0, Active: 2, Removing: 0), capture.Chains(network.Name));

        RemovalResult removal = await leaving.RequestRemovalAsync("metrics test", archive: false);
        Assert.True(removal.IsScheduled, removal.Detail);
        Assert.Equal(new ChainCounts(Pending: 0, Active: 1, Removing: 1), capture.Chains(network.Name));

        // A deactivated ingress stops reporting its network; a new activation recounts its roster from persisted state.
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(default, capture.Chains(network.Name));
        await network.Ingress.GetStatsAsync();
        Assert.Equal(new ChainCounts(Pending: 0, Active: 1, Removing: 1), capture.Chains(network.Name));
    }

    [Fact]
    public async Task ProofVerdictsAreCountedByFormatAndResult()
    {
        using MeterCapture capture = new();
        IProofVerifierWorker verifier = fixture.Cluster.GrainFactory.GetGrain<IProofVerifierWorker>(0);
        ProofVerificationOutcome outcome = await verifier.VerifyAsync(new ProofVerificationRequest("metrics-proofs", ProofFormat.Compact, [1, 2, 3], null, [], []));
        Assert.Equal(ProofFailure.Malformed, outcome.Failure);

        Assert.Contains(capture.Of("orleansproofs.proof.verifications"), m =>
            m.Tag("format") == "compact" && m.Tag("result") == "invalid" && m.Tag("failure") == nameof(ProofFailure.Malformed) && m.Value == 1);
    }

    /// <summary>One measurement: its value and attributes.</summary>
    private sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public string? Tag(string name) => Tags.TryGetValue(name, out object? value) ? value?.ToString() : null;
    }

    /// <summary>Listens to the node's meter from creation to disposal; observable instruments are read on demand.</summary>
    private sealed class MeterCapture : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Measured> _measured = new();

        public MeterCapture()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == NodeTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        /// <summary>The measurements of <paramref name="instrument"/> (for <paramref name="network"/> only, when given), in order.</summary>
        public IReadOnlyList<Measured> Of(string instrument, string? network = null) =>
            [.. _measured.Where(m => m.Instrument == instrument && (network is null || m.Tag("network") == network))];

        /// <summary>Reads the chains instrument now and returns <paramref name="network"/>'s counts by status.</summary>
        public ChainCounts Chains(string network)
        {
            int before = _measured.Count;
            _listener.RecordObservableInstruments();
            Measured[] observed = [.. _measured.Skip(before).Where(m => m.Instrument == "orleansproofs.chains" && m.Tag("network") == network)];
            long Count(string status) => (long)observed.Where(m => m.Tag("status") == status).Sum(m => m.Value);
            return new ChainCounts(Count("pending"), Count("active"), Count("removing"));
        }

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            Dictionary<string, object?> copy = new(tags.Length);
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _measured.Enqueue(new Measured(instrument.Name, value, copy));
        }
    }

    /// <summary>A network's chain counts as the instrument reports them.</summary>
    private readonly record struct ChainCounts(long Pending, long Active, long Removing);
}
