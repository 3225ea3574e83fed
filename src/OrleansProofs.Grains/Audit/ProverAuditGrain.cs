// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Latency;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// A verifier's audit of one configured prover (<see cref="IProverAuditGrain"/>): it holds the prover's
/// scores and runs <see cref="ProverAuditor"/> once per block, one block at a time (the grain is not
/// reentrant), writing the state after each.
/// </summary>
internal sealed partial class ProverAuditGrain(
    [PersistentState("audit", NodeStorage.ProviderName)] IPersistentState<ProverAuditState> state,
    NodeContext node,
    ProverGateways gateways,
    VerifierSecret secret,
    ITokenLedger ledger,
    AuditMetrics metrics,
    IOptions<VerifierOptions> options,
    ILogger<ProverAuditGrain> logger) : Grain, IProverAuditGrain
{
    private ProverAuditor? _auditor;

    /// <inheritdoc/>
    public async Task<ProverAuditSummary> AuditBlockAsync(AuditBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentException.ThrowIfNullOrWhiteSpace(block.Network, nameof(block));
        ProverAuditor auditor = Auditor();
        if (state.State.LastHeight is { } last && block.Height <= last)
        {
            return Summarize(auditor.Prover);
        }

        ProverAuditState audit = state.State;
        await auditor.AuditAsync(audit, block, CancellationToken.None);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The in-memory state ran ahead of the stored one: start over from the stored value.
            DeactivateOnIdle();
            throw;
        }

        LogAudited(logger, auditor.Prover.ToString(), block.Height, audit.ChallengesPassed, audit.ChallengesFailed, audit.Failures.Sum(f => f.Count));
        return Summarize(auditor.Prover);
    }

    /// <inheritdoc/>
    public Task<ProverAuditSummary> GetSummaryAsync() => Task.FromResult(Summarize(Auditor().Prover));

    /// <inheritdoc/>
    public Task<ImmutableArray<SignedReport>> GetReportsAsync(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 256);
        List<byte[]> reports = state.State.Reports;
        return Task.FromResult(reports.AsEnumerable().Reverse().Take(limit).Select(r => new SignedReport([.. r])).ToImmutableArray());
    }

    /// <inheritdoc/>
    public Task<ImmutableArray<CheckpointAudit>> GetCheckpointAuditsAsync(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 256);
        return Task.FromResult(state.State.CheckpointAudits.AsEnumerable().Reverse().Take(limit).ToImmutableArray());
    }

    /// <inheritdoc/>
    public async Task<PeerProbeAnswer> MeasureForPeerAsync(ImmutableArray<byte> signedProbe)
    {
        if (!LatencyProbe.TryVerify(signedProbe.AsSpan(), out LatencyProbe? probe))
        {
            return PeerProbeAnswer.Refused(PeerProbeStatus.Malformed, $"the probe must be a signed {LatencyProbe.EncodedSize}-byte latency probe request.");
        }

        // Interleaved with a running audit: this reads the pinned registrations and bumps one counter, which the
        // next state write persists (no write here, so it never races the audit's own write).
        return await Auditor().MeasureForPeerAsync(state.State, probe!, CancellationToken.None);
    }

    private ProverAuditor Auditor()
    {
        if (_auditor is not null)
        {
            return _auditor;
        }

        string key = this.GetPrimaryKeyString();
        if (!Hash32.TryParse(key, out Hash32 hash))
        {
            throw new ArgumentException($"The audit grain's key must be a prover public key (64 hex); got '{key}'.", nameof(key));
        }

        ProverPublicKey prover = new(hash.Bytes);
        INetworkAdapter? network = ServiceProvider.GetService(typeof(INetworkAdapter)) as INetworkAdapter;
        ProverGatewayClient client = gateways.For(prover)
            ?? throw new ArgumentException($"Prover {prover} is not in VerifierOptions.Provers; this verifier does not audit it.", nameof(key));
        _auditor = new ProverAuditor(prover, node.Key.PublicKey, node.Key, node.Parameters, options.Value, client, secret, new AuditLedger(ledger), metrics, GrainFactory,
            node.HierarchyCache, node.SignatureCache,
            ServiceProvider.GetService(typeof(ICheckpointChannel)) as ICheckpointChannel,
            network);
        int vantagePoints = 1 + (network?.Peers.Count ?? 0);
        if (options.Value.LatencyProbesPerBlock > 0 && vantagePoints < node.Parameters.LatencyVantagePoints)
        {
            LogLatencyWithoutVerdict(logger, prover.ToString(), vantagePoints, node.Parameters.LatencyVantagePoints);
        }

        return _auditor;
    }

    private ProverAuditSummary Summarize(ProverPublicKey prover)
    {
        ProverAuditState s = state.State;
        ulong[] sorted = [.. s.RoundTrips.Order()];
        return new ProverAuditSummary(
            prover.ToString(),
            gateways.For(prover)?.Gateway.ToString() ?? string.Empty,
            s.LastHeight,
            s.BlocksAudited,
            s.BlockRecordsValid,
            s.BlockRecordsInvalid,
            s.ProofsValid,
            s.ProofsInvalid,
            s.ChallengesPassed,
            s.ChallengesLate,
            s.ChallengesFailed,
            s.RewardsPaid,
            s.Slashes,
            s.SlashesDue,
            s.Failures.Sum(f => f.Count),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            s.LastFailure,
            [.. s.Chains.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new ChainAuditSummary(
                Hash32.Parse(c.Key), c.Value.ReplicaRoot, c.Value.TotalChunks, c.Value.ChallengesPassed, c.Value.ChallengesFailed,
                c.Value.ProofsValid, c.Value.ProofsInvalid, c.Value.LastOutcome, c.Value.LastFailure,
                c.Value.LatencySamples,
                c.Value.LatencySamples == 0 ? null : (ulong)Math.Round(c.Value.LatencyMeanMicroseconds),
                c.Value.LatencySamples == 0 ? null : (ulong)Math.Round(Math.Sqrt(c.Value.LatencySquaredDeviations / c.Value.LatencySamples))))],
            s.VdfPairsValid,
            s.VdfPairsInvalid,
            SummarizeLatency(s));
    }

    private ProverLatencySummary SummarizeLatency(ProverAuditState s)
    {
        LatencyVerdict verdict = LatencyJudge.Judge([.. s.LatencySamples.Select(ProverAuditor.ToSample)], Auditor().LatencyCriteria);
        return new ProverLatencySummary(
            LatencyOutcomes.NameOf(verdict.Outcome),
            options.Value.LatencyProbesPerBlock == 0 ? "latency checks are off (VerifierOptions.LatencyProbesPerBlock is 0)." : verdict.Reason,
            verdict.Samples,
            verdict.VantagePoints,
            verdict.Samples == 0 ? null : verdict.AverageMicroseconds,
            verdict.Samples == 0 ? null : verdict.StandardDeviationMicroseconds,
            s.LatencyChecksFailed,
            s.LatencyPeerSamplesRejected,
            s.LastLatencyPeerError,
            s.LatencyProbesMeasuredForPeers,
            s.LatencyReports.Count == 0 ? default : [.. s.LatencyReports[^1]]);
    }

    /// <summary>The nearest-rank percentile of sorted values, or null when there are none.</summary>
    internal static ulong? Percentile(ulong[] sorted, double fraction) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Latency checks of prover {Prover} will stay 'insufficient': {VantagePoints} vantage point(s) (this verifier and VerifierOptions.LatencyPeers), the profile's LatencyVantagePoints needs {Required}")]
    private static partial void LogLatencyWithoutVerdict(ILogger logger, string prover, int vantagePoints, int required);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audited prover {Prover} at height {Height}: {Passed} challenges passed, {Failed} failed in all, {Recent} failures in the window")]
    private static partial void LogAudited(ILogger logger, string prover, ulong height, ulong passed, ulong failed, int recent);
}
