// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>Why a movement was rejected.</summary>
public enum LedgerRejection
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The paying account (the bond's owner, or the reward pool) holds less than the amount.</summary>
    InsufficientBalance = 1,

    /// <summary>No bond has that id.</summary>
    UnknownBond = 2,

    /// <summary>The bond was released already.</summary>
    BondAlreadyReleased = 3,

    /// <summary>The bond was slashed already.</summary>
    BondAlreadySlashed = 4,

    /// <summary>The slash asks for more than the bond holds (nothing beyond a bond can be slashed; it is not capped).</summary>
    SlashExceedsBond = 5,

    /// <summary>The movement id was used before for a movement with different content.</summary>
    MovementIdReused = 6,

    /// <summary>The credited balance would exceed 2^63 − 1 base units, the most the ledger stores.</summary>
    BalanceOverflow = 7,
}
