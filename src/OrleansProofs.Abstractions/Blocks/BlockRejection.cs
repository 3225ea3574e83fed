// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>Why a block announcement was not recorded.</summary>
public enum BlockRejection : byte
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>A different block hash is already recorded at this height.</summary>
    ConflictingHash = 1,

    /// <summary>The height is more than one above the latest recorded block.</summary>
    Gap = 2,

    /// <summary>The height is below the latest recorded block and not a retained duplicate.</summary>
    OlderHeight = 3,

    /// <summary>The announcement itself is malformed (zero block hash).</summary>
    Invalid = 4,
}
