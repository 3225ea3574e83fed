// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Protocol;

/// <summary>What a chain recorded at one block.</summary>
public enum ChainRecordKind : byte
{
    /// <summary>The chain read the selected chunks and committed to them.</summary>
    Commit = 1,

    /// <summary>The chain missed the block and recorded the gap (a fault).</summary>
    Gap = 2,
}
