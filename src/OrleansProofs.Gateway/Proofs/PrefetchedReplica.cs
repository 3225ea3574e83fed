// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Gateway.Proofs;

/// <summary>An <see cref="IReplicaOpener"/> over chunk openings the chain grain returned (the gateway never reads replica files itself).</summary>
internal sealed class PrefetchedReplica : IReplicaOpener
{
    private readonly Dictionary<ulong, ChunkOpeningData> _openings = [];

    public PrefetchedReplica(ImmutableArray<ChunkOpeningData> openings)
    {
        foreach (ChunkOpeningData opening in openings)
        {
            _openings[opening.Index] = opening;
        }
    }

    /// <inheritdoc/>
    public void ReadChunk(ulong index, Span<byte> destination) => Get(index).Chunk.AsSpan().CopyTo(destination);

    /// <inheritdoc/>
    public Hash32[] GetPath(ulong index) => [.. Get(index).Path];

    private ChunkOpeningData Get(ulong index) =>
        _openings.TryGetValue(index, out ChunkOpeningData? opening)
            ? opening
            : throw new InvalidOperationException($"Chunk {index} was not opened by the chain grain.");
}
