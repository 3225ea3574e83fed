// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>Where a bond is in its life. A bond settles once: released or slashed, never both. Stored numerically: never renumber.</summary>
public enum BondState
{
    /// <summary>Holding its amount; may be released or slashed.</summary>
    Active = 1,

    /// <summary>Its amount returned to the owner.</summary>
    Released = 2,

    /// <summary>Slashed (the slashed part burned to <see cref="LedgerAccounts.Slashed"/>, the rest returned to the owner).</summary>
    Slashed = 3,
}
