// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>Why a bond is held. The numeric values are stored in the ledger's database: never renumber them.</summary>
public enum BondPurpose
{
    /// <summary>Registering a chain (ConsensusParameters.RegistrationBond, 100 token units by default).</summary>
    ChainRegistration = 1,

    /// <summary>Submitting a checkpoint (ConsensusParameters.CheckpointBond, 1,000 token units by default).</summary>
    Checkpoint = 2,
}
