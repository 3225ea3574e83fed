// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Orleans.CodeGeneration;

namespace OrleansProofs.Abstractions.Workers;

/// <summary>
/// Computes a block's chunk selection for a chain with Core's ChunkSelector (a stateless worker):
/// the indices an auditor or a replica check expects the chain to have read. Call it with key 0.
/// </summary>
[Alias("OrleansProofs.IChunkSelectionWorker")]
[Version(1)]
public interface IChunkSelectionWorker : IGrainWithIntegerKey
{
    /// <summary>The selected chunk indices, in draw order (k = min(chunks per block, total chunks)).</summary>
    /// <exception cref="ArgumentException">A count is out of range (the message names the field).</exception>
    [Alias("Select")]
    Task<ImmutableArray<ulong>> SelectAsync(ChunkSelectionRequest request);
}
