// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Chains;

/// <summary>Why a chain leaves the network.</summary>
public enum RemovalKind : byte
{
    /// <summary>An operator asked for the removal (it ends in <see cref="ChainStatus.Removed"/>).</summary>
    Removal = 1,

    /// <summary>The chain's retention period ended (it ends in <see cref="ChainStatus.Expired"/>).</summary>
    Expiry = 2,
}
