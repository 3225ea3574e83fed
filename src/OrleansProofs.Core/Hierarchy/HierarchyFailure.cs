// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Hierarchy;

/// <summary>Why a <see cref="HierarchyPath"/> did not verify.</summary>
public enum HierarchyFailure
{
    /// <summary>The path verified.</summary>
    None = 0,

    /// <summary>The path is for another block height than the one claimed.</summary>
    HeightMismatch,

    /// <summary>The group has more members than a group may hold.</summary>
    MemberCountOverCapacity,

    /// <summary>The region has more groups than a region may hold.</summary>
    GroupCountOverCapacity,

    /// <summary>The group does not belong to the region the path places it in (group_id / groupsPerRegion ≠ region_id).</summary>
    RegionMismatch,

    /// <summary>The total chain count cannot hold the levels the path describes (every listed group and region has a chain; no group or region exceeds its capacity).</summary>
    TotalChainsInconsistent,

    /// <summary>The global root recomputed from the chain's commitment through every level differs from the expected one.</summary>
    GlobalRootMismatch,
}
