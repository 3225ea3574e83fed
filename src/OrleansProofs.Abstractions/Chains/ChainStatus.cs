// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Chains;

/// <summary>Where a chain is in its life.</summary>
public enum ChainStatus : byte
{
    /// <summary>No registration under this id.</summary>
    Unregistered = 0,

    /// <summary>Registered and anchored; no block record yet (it starts at the next block).</summary>
    Pending = 1,

    /// <summary>Committing at every block.</summary>
    Active = 2,
}
