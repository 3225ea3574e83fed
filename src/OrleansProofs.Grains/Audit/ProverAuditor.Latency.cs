// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Latency;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// Latency verification (docs/security.md, "Latency verification"): data-dependent probes timed from several
/// vantage points — this verifier and the peers of the network adapter — judged over a window of recent samples.
/// </summary>
internal sealed partial class ProverAuditor
{
    /// <summary>The verdict's criteria: the profile's limits, the configured sample minimum, the probe timeout for unanswered probes.</summary>
    public LatencyCriteria LatencyCriteria { get; } = LatencyCriteria.From(parameters, options.LatencyMinSamples, options.ChallengeTimeout);

    /// <summary>
    /// Draws <see cref="VerifierOptions.LatencyProbesPerBlock"/> probes (fewer when the prover holds fewer
    /// chunks) from the verifier's latency secret and the block hash, spreads them round-robin over the
    /// vantage points (this verifier first, then the adapter's peers, rotating with the height), times
    /// each — itself, or by a peer whose signed measurement must be for exactly the probe sent — adds the
    /// samples to the window and to their chains' figures, judges the window, and signs a report. Returns 1
    /// when the verdict is a failure (too slow, too variable), else 0; a peer's failure never counts against the prover.
    /// </summary>
    private async Task<int> MeasureLatencyAsync(ProverAuditState state, AuditBlock block, CancellationToken cancellationToken)
    {
        if (options.LatencyProbesPerBlock == 0)
        {
            return 0;
        }

        List<ChallengeCandidate> candidates = ActiveCandidates(state);
        if (candidates.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<AvailabilityChallenge> probes = ChallengeDraw.Draw(
            secret.LatencyBytes, prover, block.Height, block.BlockHash, candidates, options.LatencyProbesPerBlock);
        IReadOnlyList<VantagePoint> peers = network?.Peers ?? [];
        int vantageCount = peers.Count + 1;
        int first = (int)(block.Height % (ulong)vantageCount);
        for (int i = 0; i < probes.Count; i++)
        {
            int vantage = (first + i) % vantageCount;
            LatencySample? sample = vantage == 0
                ? await TimeOwnProbeAsync(state, probes[i], cancellationToken)
                : await AskPeerAsync(state, peers[vantage - 1], new LatencyProbe(verifier, prover, block.Height, probes[i]), cancellationToken);
            if (sample is { } taken)
            {
                Record(state, block.Height, probes[i].ChainId, taken);
            }
        }

        LatencyVerdict verdict = LatencyJudge.Judge([.. state.LatencySamples.Select(ToSample)], LatencyCriteria);
        Keep(state.LatencyReports, LatencyReport.From(verifier, prover, block.Height, verdict).Sign(verifierKey), options.ReportsKept);
        metrics.LatencyVerdict(verdict.Outcome);
        if (!verdict.IsFailure)
        {
            return 0;
        }

        state.LatencyChecksFailed++;
        Fail(state, null, $"block {block.Height}: latency {LatencyOutcomes.NameOf(verdict.Outcome)}: {verdict.Reason}");
        return 1;
    }

    /// <summary>
    /// A peer's probe (<see cref="IProverAuditGrain.MeasureForPeerAsync"/>): timed by this verifier against the prover
    /// it audits, checked against the registration it pinned itself, signed with its own key.
    /// </summary>
    public async Task<PeerProbeAnswer> MeasureForPeerAsync(ProverAuditState state, LatencyProbe probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Prover != prover)
        {
            return PeerProbeAnswer.Refused(PeerProbeStatus.NotAudited, $"the probe names prover {probe.Prover}; this audit is of {prover}.");
        }

        if (!state.Chains.TryGetValue(probe.Challenge.ChainId.ToString(), out ChainAuditState? chain))
        {
            return PeerProbeAnswer.Refused(PeerProbeStatus.NotPinned,
                $"this verifier has not pinned chain {probe.Challenge.ChainId} of prover {prover}, so it cannot check an answer about it.");
        }

        (ulong microseconds, bool verified) = await TimeAsync(probe.Challenge, chain, cancellationToken);
        state.LatencyProbesMeasuredForPeers++;
        metrics.LatencyProbe("peer_request", verified, microseconds);
        return PeerProbeAnswer.Measured([.. new LatencyMeasurement(verifier, probe, verified, microseconds).Sign(verifierKey)]);
    }

    private async Task<LatencySample> TimeOwnProbeAsync(ProverAuditState state, AvailabilityChallenge probe, CancellationToken cancellationToken)
    {
        (ulong microseconds, bool verified) = await TimeAsync(probe, state.Chains[probe.ChainId.ToString()], cancellationToken);
        metrics.LatencyProbe("self", verified, microseconds);
        return new LatencySample(verifier, microseconds, verified);
    }

    private async Task<LatencySample?> AskPeerAsync(ProverAuditState state, VantagePoint peer, LatencyProbe probe, CancellationToken cancellationToken)
    {
        PeerMeasurement answer = await network!.RequestMeasurementAsync(peer, [.. probe.Sign(verifierKey)], cancellationToken);
        string? rejection = answer.Error;
        LatencyMeasurement? measurement = null;
        if (rejection is null)
        {
            rejection = Hash32.TryParse(peer.Key, out Hash32 key)
                ? LatencyMeasurement.Check(answer.Measurement.AsSpan(), new ProverPublicKey(key.Bytes), probe, out measurement)
                : $"the peer key '{peer.Key}' is not 64 hex characters.";
        }

        if (rejection is not null || measurement is null)
        {
            state.LatencyPeerSamplesRejected++;
            state.LastLatencyPeerError = $"block {probe.Height}: peer {peer.Key[..Math.Min(16, peer.Key.Length)]}…: {rejection}";
            metrics.LatencyPeerRejected();
            return null;
        }

        metrics.LatencyProbe("peer", measurement.DataVerified, measurement.RoundTripMicroseconds);
        return measurement.Sample;
    }

    /// <summary>Sends the probe as an availability challenge, timed around the whole exchange, and checks the answer against the pinned registration.</summary>
    private async Task<(ulong Microseconds, bool Verified)> TimeAsync(AvailabilityChallenge probe, ChainAuditState chain, CancellationToken cancellationToken)
    {
        ChallengeExchange exchange = await client.ChallengeAsync(probe, verifier, options.ChallengeTimeout, cancellationToken);
        bool verified = exchange.Answer is not null && AvailabilityVerifier.Verify(probe, exchange.Answer, chain.ReplicaRoot, chain.TotalChunks).IsValid;
        return (LatencyCriteria.Microseconds(exchange.RoundTrip), verified);
    }

    private void Record(ProverAuditState state, ulong height, Hash32 chainId, LatencySample sample)
    {
        Keep(state.LatencySamples, new LatencySampleState(sample.VantagePoint.AsHash32(), sample.RoundTripMicroseconds, sample.DataVerified, height, chainId), options.LatencyWindowSamples);
        if (state.Chains.TryGetValue(chainId.ToString(), out ChainAuditState? chain))
        {
            // Welford's running mean and squared deviations: the chain's figures in O(1) state, however many samples.
            double x = LatencyJudge.Counted(sample, LatencyCriteria);
            chain.LatencySamples++;
            double delta = x - chain.LatencyMeanMicroseconds;
            chain.LatencyMeanMicroseconds += delta / chain.LatencySamples;
            chain.LatencySquaredDeviations += delta * (x - chain.LatencyMeanMicroseconds);
        }
    }

    /// <summary>A kept sample as the judge reads it.</summary>
    internal static LatencySample ToSample(LatencySampleState s) => new(new ProverPublicKey(s.VantagePoint.Bytes), s.RoundTripMicroseconds, s.DataVerified);
}
