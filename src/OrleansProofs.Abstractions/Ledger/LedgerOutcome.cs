// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>What became of a movement.</summary>
public enum LedgerOutcome
{
    /// <summary>Applied now: its journal entry is new.</summary>
    Applied = 1,

    /// <summary>A movement with the same id and the same content was applied before; nothing changed now.</summary>
    AlreadyApplied = 2,

    /// <summary>Refused for a business reason (<see cref="LedgerRejection"/>); nothing changed and nothing was journaled, so the id may be used again.</summary>
    Rejected = 3,
}
