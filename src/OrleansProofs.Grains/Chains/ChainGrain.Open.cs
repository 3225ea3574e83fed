// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Storage;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Chains;

/// <summary>Chunk openings for full proofs: stored bytes from the replica and Merkle paths from its leaf sidecar.</summary>
internal sealed partial class ChainGrain
{
    /// <inheritdoc/>
    public Task<ImmutableArray<ChunkOpeningData>> OpenChunksAsync(ImmutableArray<ulong> indices)
    {
        ChainHeader header = state.State.Header
            ?? throw new InvalidOperationException($"Chain {_chainId} is not registered; it has no replica to open.");
        int limit = node.Parameters.ProofWindowBlocks * node.Parameters.ChunksPerBlock;
        if (indices.IsDefaultOrEmpty || indices.Length > limit)
        {
            throw new ArgumentException(
                $"Between 1 and {limit} chunk indices (proof window × chunks per block) can be opened at once; got {(indices.IsDefault ? 0 : indices.Length)}.", nameof(indices));
        }

        foreach (ulong index in indices)
        {
            if (index >= header.TotalChunks)
            {
                throw new ArgumentException($"Chunk index {index} is out of range; chain {_chainId} has {header.TotalChunks} chunks.", nameof(indices));
            }
        }

        string replicaPath = node.ReplicaPathFor(_chainId);
        ChunkStore? scoped = null;
        ReplicaStores.Lease? lease = null;
        try
        {
            // A removed chain opens its replica for this call only, so the file stays deletable between proofs.
            ChunkStore replica = state.State.RemovalCompleted
                ? scoped = ChunkStore.Open(replicaPath, checked((long)header.TotalChunks))
                : (lease = node.Replicas.Rent(_chainId, replicaPath, checked((long)header.TotalChunks))).Value.Store;
            using ReplicaLeafFile leaves = ReplicaLeafFile.Open(ReplicaLeafFile.PathFor(replicaPath), checked((long)header.TotalChunks), header.ReplicaRoot);
            ImmutableArray<ChunkOpeningData>.Builder openings = ImmutableArray.CreateBuilder<ChunkOpeningData>(indices.Length);
            byte[] chunk = new byte[ChunkLayout.ChunkSize];
            foreach (ulong index in indices)
            {
                replica.ReadChunk((long)index, chunk);
                openings.Add(new ChunkOpeningData(index, [.. chunk], [.. leaves.BuildPath((long)index)]));
            }

            return Task.FromResult(openings.MoveToImmutable());
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            ReleaseReplica();
            throw new InvalidOperationException($"Chain {_chainId} cannot read its replica '{replicaPath}': {error.Message}", error);
        }
        finally
        {
            scoped?.Dispose();
            lease?.Dispose();
        }
    }
}
