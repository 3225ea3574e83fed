// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>What a journal entry did. The numeric values are stored in the ledger's database: never renumber them.</summary>
public enum LedgerMovementKind
{
    /// <summary>Tokens entered the ledger (the operator funding a local ledger; a real chain's adapter has no such movement).</summary>
    Credit = 1,

    /// <summary>Tokens moved from an account's balance into a new bond.</summary>
    CreateBond = 2,

    /// <summary>An active bond's whole amount returned to its owner's balance.</summary>
    ReleaseBond = 3,

    /// <summary>Part or all of an active bond went to <see cref="LedgerAccounts.Slashed"/>; the rest returned to its owner.</summary>
    SlashBond = 4,

    /// <summary>Tokens moved from <see cref="LedgerAccounts.RewardPool"/> to an account.</summary>
    PayReward = 5,
}
