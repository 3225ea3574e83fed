// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Audit;

/// <summary>Availability challenges: draw, ask, time, check, sign, reward.</summary>
internal sealed partial class ProverAuditor
{
    /// <summary>
    /// Draws the profile's availability challenges (10 by default) among the prover's active, pinned chains
    /// from the verifier's secret and the block hash, sends them one after the other (so each round trip is
    /// the prover's alone), judges each answer against the pinned registration and the deadline the
    /// verifier measures, signs a report per challenge and pays the reward of each passed one. Returns the failures.
    /// </summary>
    private async Task<int> ChallengeAsync(ProverAuditState state, AuditBlock block, CancellationToken cancellationToken)
    {
        List<ChallengeCandidate> candidates = ActiveCandidates(state);
        if (candidates.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<AvailabilityChallenge> challenges = ChallengeDraw.Draw(
            secret.Bytes, prover, block.Height, block.BlockHash, candidates, parameters.AvailabilityChallengesPerBlock);
        int failures = 0;
        for (int i = 0; i < challenges.Count; i++)
        {
            AvailabilityChallenge challenge = challenges[i];
            ChainAuditState chain = state.Chains[challenge.ChainId.ToString()];
            ChallengeExchange exchange = await client.ChallengeAsync(challenge, verifier, options.ChallengeTimeout, cancellationToken);
            AvailabilityOutcome outcome;
            string? reason;
            if (exchange.Answer is null)
            {
                outcome = AvailabilityOutcome.NoAnswer;
                reason = exchange.Error;
            }
            else
            {
                AvailabilityCheck check = AvailabilityVerifier.Verify(challenge, exchange.Answer, chain.ReplicaRoot, chain.TotalChunks);
                outcome = AvailabilityJudge.Judge(check, exchange.RoundTrip, parameters.AvailabilityDeadline);
                reason = outcome == AvailabilityOutcome.Late
                    ? $"a valid answer took {exchange.RoundTrip.TotalMilliseconds:F1} ms; the deadline is {parameters.AvailabilityDeadline.TotalMilliseconds} ms."
                    : check.Reason;
            }

            ulong microseconds = (ulong)Math.Max(0, exchange.RoundTrip.Ticks / TimeSpan.TicksPerMicrosecond);
            AvailabilityReport report = new(verifier, prover, block.Height, challenge.ChainId, challenge.ChunkIndex, challenge.Nonce, outcome, microseconds);
            Keep(state.Reports, report.Sign(verifierKey), options.ReportsKept);
            Keep(state.RoundTrips, microseconds, options.ReportsKept);
            metrics.Challenge(outcome, exchange.RoundTrip);
            chain.LastOutcome = AvailabilityJudge.NameOf(outcome);
            if (outcome == AvailabilityOutcome.Passed)
            {
                state.ChallengesPassed++;
                chain.ChallengesPassed++;
                LedgerResult reward = await ledger.RewardAsync(verifier, prover, block.Height, i, parameters.AvailabilityReward);
                if (reward.Succeeded)
                {
                    state.RewardsPaid += parameters.AvailabilityReward;
                }

                continue;
            }

            failures++;
            state.ChallengesFailed++;
            chain.ChallengesFailed++;
            if (outcome == AvailabilityOutcome.Late)
            {
                state.ChallengesLate++;
            }

            Fail(state, chain, $"block {block.Height}: chain {challenge.ChainId} chunk {challenge.ChunkIndex}: {AvailabilityJudge.NameOf(outcome)}: {reason}");
        }

        return failures;
    }

    /// <summary>The prover's active, pinned chains by ascending id: what challenges and latency probes are drawn from.</summary>
    private static List<ChallengeCandidate> ActiveCandidates(ProverAuditState state) => [.. state.Chains
        .Where(c => c.Value.Active)
        .Select(c => new ChallengeCandidate(Hash32.Parse(c.Key), c.Value.TotalChunks))
        .OrderBy(c => c.ChainId)];

    private static void Keep<T>(List<T> tail, T item, int capacity)
    {
        tail.Add(item);
        if (tail.Count > capacity)
        {
            tail.RemoveRange(0, tail.Count - capacity);
        }
    }
}
