// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>One audited chain's scores at a verifier.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="ReplicaRoot">The registered replica root the verifier pinned when it first saw the chain.</param>
/// <param name="TotalChunks">The registered chunk count pinned with it.</param>
/// <param name="ChallengesPassed">Availability challenges answered correctly within the deadline.</param>
/// <param name="ChallengesFailed">Availability challenges failed (any outcome but passed).</param>
/// <param name="ProofsValid">Compact proofs of this chain that verified.</param>
/// <param name="ProofsInvalid">Compact proofs of this chain that did not verify (or could not be fetched).</param>
/// <param name="LastOutcome">The last challenge's outcome name, or null before the first.</param>
/// <param name="LastFailure">The last failure's reason (challenge or proof), or null.</param>
/// <param name="LatencySamples">Latency samples taken on this chain (all vantage points, since the verifier's first).</param>
/// <param name="LatencyAverageMicroseconds">Their average round trip (null before the first).</param>
/// <param name="LatencyStandardDeviationMicroseconds">Their population standard deviation (null before the first).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainAuditSummary")]
public sealed record ChainAuditSummary(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] Hash32 ReplicaRoot,
    [property: Id(2)] ulong TotalChunks,
    [property: Id(3)] ulong ChallengesPassed,
    [property: Id(4)] ulong ChallengesFailed,
    [property: Id(5)] ulong ProofsValid,
    [property: Id(6)] ulong ProofsInvalid,
    [property: Id(7)] string? LastOutcome,
    [property: Id(8)] string? LastFailure,
    [property: Id(9)] ulong LatencySamples = 0,
    [property: Id(10)] ulong? LatencyAverageMicroseconds = null,
    [property: Id(11)] ulong? LatencyStandardDeviationMicroseconds = null);
