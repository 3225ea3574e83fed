// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>A verifier's scores for one prover.</summary>
/// <param name="Prover">The prover's public key, hex.</param>
/// <param name="Gateway">The prover gateway audited.</param>
/// <param name="LastHeight">The last audited block height, or null before the first audit.</param>
/// <param name="BlocksAudited">Blocks audited.</param>
/// <param name="BlockRecordsValid">Block records whose signature and block hash checked out.</param>
/// <param name="BlockRecordsInvalid">Block records missing, tampered (bad signature) or for another block hash.</param>
/// <param name="ProofsValid">Compact proofs verified.</param>
/// <param name="ProofsInvalid">Compact proofs that failed verification or could not be fetched.</param>
/// <param name="ChallengesPassed">Availability challenges passed.</param>
/// <param name="ChallengesLate">Availability challenges answered correctly but after the deadline.</param>
/// <param name="ChallengesFailed">Availability challenges failed for any reason (late ones included).</param>
/// <param name="RewardsPaid">Token units paid to the prover for passed challenges.</param>
/// <param name="Slashes">Bonds of the prover slashed for failures past the threshold.</param>
/// <param name="SlashesDue">Slashes that were due while the prover held no active bond (recorded, no tokens moved).</param>
/// <param name="RecentFailures">Failures within the configured failure window.</param>
/// <param name="RoundTripP50Microseconds">Median measured round trip of recent challenges, µs (null before the first).</param>
/// <param name="RoundTripP95Microseconds">95th percentile of recent round trips, µs (null before the first).</param>
/// <param name="LastFailure">The last failure's reason, or null.</param>
/// <param name="VdfPairsValid">Consecutive block records whose VDF separation verified (sampled segments re-executed).</param>
/// <param name="VdfPairsInvalid">Consecutive block records whose VDF separation failed, or whose checkpoints never came.</param>
/// <param name="Chains">Per-chain scores, by chain id.</param>
/// <param name="Latency">Latency figures and verdict (null from a summary written before latency checks existed).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ProverAuditSummary")]
public sealed record ProverAuditSummary(
    [property: Id(0)] string Prover,
    [property: Id(1)] string Gateway,
    [property: Id(2)] ulong? LastHeight,
    [property: Id(3)] ulong BlocksAudited,
    [property: Id(4)] ulong BlockRecordsValid,
    [property: Id(5)] ulong BlockRecordsInvalid,
    [property: Id(6)] ulong ProofsValid,
    [property: Id(7)] ulong ProofsInvalid,
    [property: Id(8)] ulong ChallengesPassed,
    [property: Id(9)] ulong ChallengesLate,
    [property: Id(10)] ulong ChallengesFailed,
    [property: Id(11)] ulong RewardsPaid,
    [property: Id(12)] ulong Slashes,
    [property: Id(13)] ulong SlashesDue,
    [property: Id(14)] int RecentFailures,
    [property: Id(15)] ulong? RoundTripP50Microseconds,
    [property: Id(16)] ulong? RoundTripP95Microseconds,
    [property: Id(17)] string? LastFailure,
    [property: Id(18)] ImmutableArray<ChainAuditSummary> Chains,
    [property: Id(30)] ulong VdfPairsValid = 0,
    [property: Id(31)] ulong VdfPairsInvalid = 0,
    [property: Id(32)] ProverLatencySummary? Latency = null)
{
    /// <summary>Passed challenges over all challenges (1 before the first), the availability score.</summary>
    public double AvailabilityScore => ChallengesPassed + ChallengesFailed == 0 ? 1 : (double)ChallengesPassed / (ChallengesPassed + ChallengesFailed);
}
