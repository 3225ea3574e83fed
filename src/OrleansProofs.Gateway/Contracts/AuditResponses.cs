// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Core.Challenges;

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The answer of <c>GET /api/audits</c>: the node's role and, on a verifier, every audited prover's scores.</summary>
/// <param name="Role">"prover", "verifier" or "both".</param>
/// <param name="Verifier">The node's public key (its reports' signer), hex.</param>
/// <param name="Provers">One entry per audited prover (empty on a prover-only node).</param>
public sealed record AuditsResponse(string Role, string Verifier, IReadOnlyList<ProverAuditResponse> Provers);

/// <summary>One audited prover's scores (counts since the verifier's first audit).</summary>
public sealed record ProverAuditResponse(
    string Prover,
    string Gateway,
    ulong? LastHeight,
    ulong BlocksAudited,
    AuditCountResponse BlockRecords,
    AuditCountResponse Proofs,
    AvailabilityScoreResponse Availability,
    ulong RewardsPaid,
    ulong Slashes,
    ulong SlashesDue,
    int RecentFailures,
    string? LastFailure,
    IReadOnlyList<ChainAuditResponse> Chains,
    IReadOnlyList<AvailabilityReportResponse> LatestReports,
    LatencyScoreResponse? Latency)
{
    /// <summary>Maps a summary and its latest reports.</summary>
    public static ProverAuditResponse From(ProverAuditSummary s, IEnumerable<SignedReport> reports) =>
        new(
            s.Prover,
            s.Gateway,
            s.LastHeight,
            s.BlocksAudited,
            new AuditCountResponse(s.BlockRecordsValid, s.BlockRecordsInvalid),
            new AuditCountResponse(s.ProofsValid, s.ProofsInvalid),
            new AvailabilityScoreResponse(s.ChallengesPassed, s.ChallengesFailed, s.ChallengesLate, s.AvailabilityScore, s.RoundTripP50Microseconds, s.RoundTripP95Microseconds),
            s.RewardsPaid,
            s.Slashes,
            s.SlashesDue,
            s.RecentFailures,
            s.LastFailure,
            [.. s.Chains.Select(ChainAuditResponse.From)],
            [.. reports.Select(AvailabilityReportResponse.From)],
            LatencyScoreResponse.From(s.Latency));
}

/// <summary>Valid and invalid counts.</summary>
public sealed record AuditCountResponse(ulong Valid, ulong Invalid);

/// <summary>Availability challenge figures: passed, failed (late included), late, score = passed / all (1 before the first), measured round trips.</summary>
public sealed record AvailabilityScoreResponse(ulong Passed, ulong Failed, ulong Late, double Score, ulong? RoundTripP50Microseconds, ulong? RoundTripP95Microseconds);

/// <summary>One audited chain's scores and the registration the verifier pinned.</summary>
public sealed record ChainAuditResponse(
    string ChainId,
    string ReplicaRoot,
    ulong TotalChunks,
    ulong ChallengesPassed,
    ulong ChallengesFailed,
    double AvailabilityScore,
    ulong ProofsValid,
    ulong ProofsInvalid,
    string? LastOutcome,
    string? LastFailure,
    ChainLatencyResponse Latency)
{
    /// <summary>Maps one audited chain's summary; the availability score is passed / all (1 before the first challenge).</summary>
    public static ChainAuditResponse From(ChainAuditSummary c) =>
        new(
            c.ChainId.ToString(), c.ReplicaRoot.ToString(), c.TotalChunks, c.ChallengesPassed, c.ChallengesFailed,
            c.ChallengesPassed + c.ChallengesFailed == 0 ? 1 : (double)c.ChallengesPassed / (c.ChallengesPassed + c.ChallengesFailed),
            c.ProofsValid, c.ProofsInvalid, c.LastOutcome, c.LastFailure,
            new ChainLatencyResponse(c.LatencySamples, LatencyScoreResponse.Milliseconds(c.LatencyAverageMicroseconds), LatencyScoreResponse.Milliseconds(c.LatencyStandardDeviationMicroseconds)));
}

/// <summary>The answer of <c>GET /api/audits/chains/{chainId}</c>: the audited prover holding the chain and the chain's scores.</summary>
public sealed record ChainAuditLookupResponse(string Prover, ChainAuditResponse Chain);

/// <summary>One chain's latency samples (all vantage points, since the verifier's first) and their average and standard deviation.</summary>
public sealed record ChainLatencyResponse(ulong Samples, double? AverageMs, double? StandardDeviationMs);

/// <summary>One signed availability report: its 217 bytes in hex (check them with the verifier's key) and the decoded fields.</summary>
public sealed record AvailabilityReportResponse(
    string Report,
    string Verifier,
    string Prover,
    ulong Height,
    string ChainId,
    ulong ChunkIndex,
    string Nonce,
    string Outcome,
    ulong RoundTripMicroseconds)
{
    /// <summary>Decodes a kept report (the verifier signed it itself, so it decodes).</summary>
    public static AvailabilityReportResponse From(SignedReport signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        AvailabilityReport r = AvailabilityReport.Decode(signed.Encoded.AsSpan());
        return new AvailabilityReportResponse(
            Convert.ToHexStringLower(signed.Encoded.AsSpan()), r.Verifier.ToString(), r.Prover.ToString(), r.Height, r.ChainId.ToString(),
            r.ChunkIndex, r.Nonce.ToString(), AvailabilityJudge.NameOf(r.Outcome), r.RoundTripMicroseconds);
    }
}

/// <summary>The answer of <c>GET /api/audits/{prover}/reports</c>: the newest signed reports first.</summary>
public sealed record AuditReportsResponse(string Prover, IReadOnlyList<AvailabilityReportResponse> Reports);

/// <summary>
/// The audit figures of <c>GET /api/network/stats</c>: the node's role, availability totals over the provers it
/// audits (null unless it verifies), and latency figures over them (null unless it verifies).
/// </summary>
public sealed record NetworkAuditStats(string Role, AvailabilityTotals? Availability, LatencyTotals? Latency);

/// <summary>Availability challenge totals over every audited prover.</summary>
public sealed record AvailabilityTotals(int Provers, ulong Passed, ulong Failed, ulong Late, double Score, ulong RewardsPaid, ulong Slashes)
{
    /// <summary>Sums the provers' summaries.</summary>
    public static AvailabilityTotals From(ImmutableArray<ProverAuditSummary> provers)
    {
        ulong passed = (ulong)provers.Sum(p => (decimal)p.ChallengesPassed);
        ulong failed = (ulong)provers.Sum(p => (decimal)p.ChallengesFailed);
        return new AvailabilityTotals(
            provers.Length,
            passed,
            failed,
            (ulong)provers.Sum(p => (decimal)p.ChallengesLate),
            passed + failed == 0 ? 1 : (double)passed / (passed + failed),
            (ulong)provers.Sum(p => (decimal)p.RewardsPaid),
            (ulong)provers.Sum(p => (decimal)p.Slashes));
    }
}
