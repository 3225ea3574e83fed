// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Checkpoints;

namespace OrleansProofs.Grains.Checkpoints;

/// <summary>The development chain's <see cref="ICheckpointChannel"/>: the network's <see cref="ICheckpointBoardGrain"/>.</summary>
internal sealed class BoardCheckpointChannel(IGrainFactory grains) : ICheckpointChannel
{
    /// <inheritdoc/>
    public Task<SubmittedCheckpoint> SubmitAsync(string network, ImmutableArray<byte> checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(network);
        return grains.GetGrain<ICheckpointBoardGrain>(network).SubmitAsync(checkpoint);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SubmittedCheckpoint>> ReadAsync(string network, ulong fromHeight, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(network);
        return grains.GetGrain<ICheckpointBoardGrain>(network).ReadAsync(fromHeight, limit);
    }
}
