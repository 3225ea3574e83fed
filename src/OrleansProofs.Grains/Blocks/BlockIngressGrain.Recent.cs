// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Blocks;

namespace OrleansProofs.Grains.Blocks;

/// <summary>The tail of the retained block records, for the status page's chart and the block history endpoint.</summary>
internal sealed partial class BlockIngressGrain
{
    /// <inheritdoc/>
    public Task<ImmutableArray<BlockRecord>> GetRecentBlocksAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ImmutableArray<BlockRecord> blocks = Current.Blocks;
        return Task.FromResult(count >= blocks.Length ? blocks : blocks[^count..]);
    }
}
