// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>What <see cref="IBlockIngressGrain.OnBlockAsync"/> did.</summary>
public enum BlockOutcome : byte
{
    /// <summary>The block was processed and recorded now.</summary>
    Recorded = 1,

    /// <summary>The same block was already recorded; nothing changed.</summary>
    Duplicate = 2,

    /// <summary>The block was rejected; nothing changed.</summary>
    Rejected = 3,
}
