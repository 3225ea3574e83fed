// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Orleans.Concurrency;
using OrleansProofs.Abstractions.Workers;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Grains.Workers;

/// <summary>Chunk selection with Core's <see cref="ChunkSelector"/> (<see cref="IChunkSelectionWorker"/>); stateless.</summary>
[StatelessWorker]
internal sealed class ChunkSelectionWorker : Grain, IChunkSelectionWorker
{
    /// <inheritdoc/>
    public Task<ImmutableArray<ulong>> SelectAsync(ChunkSelectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TotalChunks < 1)
        {
            throw new ArgumentException($"TotalChunks must be at least 1; got {request.TotalChunks}.", nameof(request));
        }

        if (request.ChunksPerBlock is < 1 or > ProtocolConstants.MaxChunksPerBlock)
        {
            throw new ArgumentException($"ChunksPerBlock must be between 1 and {ProtocolConstants.MaxChunksPerBlock}; got {request.ChunksPerBlock}.", nameof(request));
        }

        ulong[] indices = new ulong[ChunkSelector.SelectionCount(request.TotalChunks, request.ChunksPerBlock)];
        ChunkSelector.Select(request.BlockEntropy, request.ChainId, request.PreviousCommitment, request.TotalChunks, request.ChunksPerBlock, indices);
        return Task.FromResult(ImmutableArray.Create(indices));
    }
}
