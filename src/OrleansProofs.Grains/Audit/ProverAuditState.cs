// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// A prover's audit as the verifier persists it: counters, the pinned registration and scores of each
/// chain (O(chains)), the failures inside the slashing window, and bounded tails of signed reports and
/// round trips. Written once per audited block; a failed write deactivates the grain, so the next call
/// starts again from the last stored value (ledger movements are idempotent by id, so a re-audit pays nothing twice).
/// </summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.ProverAuditState")]
internal sealed class ProverAuditState
{
    /// <summary>The last audited height, or null.</summary>
    [Id(0)] public ulong? LastHeight { get; set; }

    /// <summary>Blocks audited.</summary>
    [Id(1)] public ulong BlocksAudited { get; set; }

    /// <summary>Block records that checked out.</summary>
    [Id(2)] public ulong BlockRecordsValid { get; set; }

    /// <summary>Block records missing, tampered or for another block.</summary>
    [Id(3)] public ulong BlockRecordsInvalid { get; set; }

    /// <summary>Compact proofs verified.</summary>
    [Id(4)] public ulong ProofsValid { get; set; }

    /// <summary>Compact proofs rejected (or unobtainable).</summary>
    [Id(5)] public ulong ProofsInvalid { get; set; }

    /// <summary>Challenges passed.</summary>
    [Id(6)] public ulong ChallengesPassed { get; set; }

    /// <summary>Challenges answered correctly but late.</summary>
    [Id(7)] public ulong ChallengesLate { get; set; }

    /// <summary>Challenges failed (late included).</summary>
    [Id(8)] public ulong ChallengesFailed { get; set; }

    /// <summary>Token units paid as rewards.</summary>
    [Id(9)] public ulong RewardsPaid { get; set; }

    /// <summary>Bonds slashed.</summary>
    [Id(10)] public ulong Slashes { get; set; }

    /// <summary>Slashes due while no bond was active.</summary>
    [Id(11)] public ulong SlashesDue { get; set; }

    /// <summary>Chains by chain id (hex).</summary>
    [Id(12)] public Dictionary<string, ChainAuditState> Chains { get; set; } = new(StringComparer.Ordinal);

    /// <summary>(height, failures) of the blocks inside the failure window that had failures, ascending.</summary>
    [Id(13)] public List<FailureMark> Failures { get; set; } = [];

    /// <summary>The newest signed reports, oldest first.</summary>
    [Id(14)] public List<byte[]> Reports { get; set; } = [];

    /// <summary>The newest measured round trips in microseconds, oldest first.</summary>
    [Id(15)] public List<ulong> RoundTrips { get; set; } = [];

    /// <summary>The last failure's reason.</summary>
    [Id(16)] public string? LastFailure { get; set; }

    /// <summary>The block records verified at the latest heights (bounded), by height: what checkpoints are compared with.</summary>
    [Id(17)] public SortedDictionary<ulong, VerifiedRecord> VerifiedRecords { get; set; } = [];

    /// <summary>The next checkpoint height to read from the chain.</summary>
    [Id(18)] public ulong CheckpointCursor { get; set; }

    /// <summary>The newest checkpoint audits, oldest first (bounded).</summary>
    [Id(19)] public List<Abstractions.Audit.CheckpointAudit> CheckpointAudits { get; set; } = [];

    /// <summary>
    /// VDF points of signed block records not yet checked against the record after them, oldest first
    /// (a pair is checked once the prover's durable checkpoints reach the later point).
    /// </summary>
    [Id(30)] public List<VdfRecordPoint> VdfPending { get; set; } = [];

    /// <summary>The checkpoint sequence to read from next (the last checkpoint at or before the oldest pending point).</summary>
    [Id(31)] public ulong VdfFromSequence { get; set; }

    /// <summary>Consecutive record pairs whose VDF separation verified.</summary>
    [Id(32)] public ulong VdfPairsValid { get; set; }

    /// <summary>Consecutive record pairs whose VDF separation failed (or whose checkpoints never came).</summary>
    [Id(33)] public ulong VdfPairsInvalid { get; set; }

    /// <summary>The latency window: the most recent samples (own and peers'), oldest first (bounded by VerifierOptions.LatencyWindowSamples).</summary>
    [Id(34)] public List<LatencySampleState> LatencySamples { get; set; } = [];

    /// <summary>The newest signed latency reports (Core's <c>LatencyReport</c>), oldest first (bounded).</summary>
    [Id(35)] public List<byte[]> LatencyReports { get; set; } = [];

    /// <summary>Blocks at which the latency verdict was a failure.</summary>
    [Id(36)] public ulong LatencyChecksFailed { get; set; }

    /// <summary>Peer measurements refused (unreachable peer, bad signature, another probe).</summary>
    [Id(37)] public ulong LatencyPeerSamplesRejected { get; set; }

    /// <summary>The last refused peer measurement's reason.</summary>
    [Id(38)] public string? LastLatencyPeerError { get; set; }

    /// <summary>Probes of this prover timed at peers' request.</summary>
    [Id(39)] public ulong LatencyProbesMeasuredForPeers { get; set; }
}

/// <summary>One latency sample as the window keeps it: who timed it, what it measured, whether the answer verified, where.</summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.Audit.LatencySampleState")]
internal sealed record LatencySampleState(
    [property: Id(0)] Hash32 VantagePoint,
    [property: Id(1)] ulong RoundTripMicroseconds,
    [property: Id(2)] bool DataVerified,
    [property: Id(3)] ulong Height,
    [property: Id(4)] Hash32 ChainId);

/// <summary>A prover's block record the verifier verified (attestation fields and the prover's signature).</summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.VerifiedRecord")]
internal sealed record VerifiedRecord(
    [property: Id(0)] Hash32 BlockHash,
    [property: Id(1)] Hash32 GlobalRoot,
    [property: Id(2)] ulong TotalChains,
    [property: Id(3)] ulong Timestamp,
    [property: Id(4)] ulong VdfIterations,
    [property: Id(5)] Hash32 VdfState,
    [property: Id(6)] byte[] Signature);

/// <summary>Failures counted at one height.</summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.FailureMark")]
internal sealed record FailureMark([property: Id(0)] ulong Height, [property: Id(1)] int Count);

/// <summary>
/// One chain of the audited prover: the registration pinned when the verifier first saw it (the
/// header fields whose chain id was recomputed under the prover's key) and its scores.
/// </summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.ChainAuditState")]
internal sealed class ChainAuditState
{
    [Id(0)] public Hash32 DataHash { get; set; }

    [Id(1)] public Hash32 ReplicaRoot { get; set; }

    [Id(2)] public ulong FileLength { get; set; }

    [Id(3)] public ulong TotalChunks { get; set; }

    [Id(4)] public byte EncodingVersion { get; set; }

    [Id(5)] public uint WorkFactor { get; set; }

    [Id(6)] public ulong AnchorHeight { get; set; }

    [Id(7)] public Hash32 AnchorBlockHash { get; set; }

    /// <summary>Whether the anchor block hash was checked against the verifier's own block at that height (false: it was older than the verifier's records).</summary>
    [Id(8)] public bool AnchorChecked { get; set; }

    /// <summary>Whether the prover listed it as active at the last audit.</summary>
    [Id(9)] public bool Active { get; set; }

    [Id(10)] public ulong ChallengesPassed { get; set; }

    [Id(11)] public ulong ChallengesFailed { get; set; }

    [Id(12)] public ulong ProofsValid { get; set; }

    [Id(13)] public ulong ProofsInvalid { get; set; }

    [Id(14)] public string? LastOutcome { get; set; }

    [Id(15)] public string? LastFailure { get; set; }

    /// <summary>Latency samples counted on this chain (all vantage points; running figures, O(1) per chain).</summary>
    [Id(16)] public ulong LatencySamples { get; set; }

    /// <summary>Running mean of those samples' counted round trips, µs (Welford).</summary>
    [Id(17)] public double LatencyMeanMicroseconds { get; set; }

    /// <summary>Running sum of squared deviations from the mean, µs² (Welford's M2).</summary>
    [Id(18)] public double LatencySquaredDeviations { get; set; }
}

/// <summary>A signed block record's VDF point and the global root it must have absorbed.</summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.Audit.VdfRecordPoint")]
internal sealed record VdfRecordPoint(
    [property: Id(0)] ulong Height,
    [property: Id(1)] ulong Iterations,
    [property: Id(2)] Hash32 State,
    [property: Id(3)] Hash32 GlobalRoot);
