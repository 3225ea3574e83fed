// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>Why a reward was paid or a bond slashed. The numeric values are stored in the ledger's database: never renumber them.</summary>
public enum LedgerReason
{
    /// <summary>A successful availability challenge (reward; ConsensusParameters.AvailabilityReward, 1 by default).</summary>
    AvailabilityChallenge = 1,

    /// <summary>A checkpoint found inconsistent with verified proofs (slash; ConsensusParameters.SlashingPenalty).</summary>
    InvalidCheckpoint = 2,

    /// <summary>Failed audits past the configured threshold (slash; ConsensusParameters.SlashingPenalty).</summary>
    FailedAuditThreshold = 3,
}
