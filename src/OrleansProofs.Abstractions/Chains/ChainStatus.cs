// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Chains;

/// <summary>Where a chain is in its life: pending → active → removing → removed or expired.</summary>
public enum ChainStatus : byte
{
    /// <summary>No registration under this id.</summary>
    Unregistered = 0,

    /// <summary>Registered and anchored; no block record yet (it starts at the next block).</summary>
    Pending = 1,

    /// <summary>Committing at every block.</summary>
    Active = 2,

    /// <summary>
    /// Removal (or retention expiry) is scheduled: the chain keeps committing through the block
    /// before its removal height and stops at that height.
    /// </summary>
    Removing = 3,

    /// <summary>Removed at an operator's request: no longer covered, its group slot freed, its replica file released.</summary>
    Removed = 4,

    /// <summary>Removed because its retention period ended: no longer covered, its group slot freed, its replica file released.</summary>
    Expired = 5,
}
