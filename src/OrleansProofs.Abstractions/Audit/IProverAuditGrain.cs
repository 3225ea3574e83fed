// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Orleans.CodeGeneration;
using Orleans.Concurrency;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>
/// A verifier's audit of one prover, keyed by the prover's public key in lower-case hex (one of the
/// provers the verifier is configured to audit). For each layer-1 block the verifier follows it checks
/// the prover's signed block record, verifies a sample of its compact proofs against the verifier's own
/// block hashes, issues availability challenges, signs a report per challenge, pays rewards and slashes
/// bonds through the ledger adapter, times data-dependent latency probes from itself and its peers, and
/// keeps the prover's and each chain's scores durably. Version 2 added <see cref="MeasureForPeerAsync"/>.
/// </summary>
[Alias("OrleansProofs.IProverAuditGrain")]
[Version(2)]
public interface IProverAuditGrain : IGrainWithStringKey
{
    /// <summary>
    /// Audits the prover at <paramref name="block"/> (a block of the verifier's own chain). A height at or
    /// below the last audited one is ignored (the summary is returned unchanged), so a retried call is harmless.
    /// </summary>
    /// <exception cref="ArgumentException">The grain's key is not a configured prover, or the block is malformed.</exception>
    [Alias("AuditBlock")]
    Task<ProverAuditSummary> AuditBlockAsync(AuditBlock block);

    /// <summary>The prover's scores, its chains' scores and the latest outcomes.</summary>
    [Alias("GetSummary")]
    Task<ProverAuditSummary> GetSummaryAsync();

    /// <summary>The latest signed availability reports, newest first, at most <paramref name="limit"/> (1 to 256).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 256.</exception>
    [Alias("GetReports")]
    Task<ImmutableArray<SignedReport>> GetReportsAsync(int limit);

    /// <summary>The latest checkpoint audits (honest and disputed, with their evidence), newest first, at most <paramref name="limit"/> (1 to 256).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 256.</exception>
    [Alias("GetCheckpointAudits")]
    Task<ImmutableArray<CheckpointAudit>> GetCheckpointAuditsAsync(int limit);

    /// <summary>
    /// Times one latency probe a peer verifier asked for (already authenticated by <see cref="IVerifierGrain"/>),
    /// checks the answer against the registration this verifier pinned itself, and signs the measurement with
    /// this node's key. Interleaves with a running audit (it only reads the pinned registration), so two
    /// verifiers auditing each other's probes never wait on each other.
    /// </summary>
    /// <param name="signedProbe">Core's <c>LatencyProbe</c> encoding, signed by the requester.</param>
    [AlwaysInterleave]
    [Alias("MeasureForPeer")]
    Task<PeerProbeAnswer> MeasureForPeerAsync(ImmutableArray<byte> signedProbe);
}
