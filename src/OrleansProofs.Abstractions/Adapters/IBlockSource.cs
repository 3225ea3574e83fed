// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;

namespace OrleansProofs.Abstractions.Adapters;

/// <summary>
/// A layer-1 chain as a blockchain adapter sees it: the node's block follower asks it for the block
/// at each height in turn and announces it to <see cref="IBlockIngressGrain"/>. The development
/// chain implements it; a real chain's adapter (RPC client) replaces it without touching the grains.
/// </summary>
public interface IBlockSource
{
    /// <summary>The network these blocks belong to (the block ingress grain's key).</summary>
    string Network { get; }

    /// <summary>
    /// Waits until the chain has a block at <paramref name="height"/> and returns it. Asking again for
    /// the same height returns the same block hash (a chain that reorganised answers with its new block).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<BlockAnnouncement> WaitForBlockAsync(ulong height, CancellationToken cancellationToken);
}
