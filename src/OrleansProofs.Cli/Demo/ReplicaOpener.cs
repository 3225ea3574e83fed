// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Cli.Demo;

/// <summary>Opens chunks and their Merkle paths from a stored replica and its leaf sidecar, for full proofs.</summary>
internal sealed class ReplicaOpener(ChunkStore store, ReplicaLeafFile leaves) : IReplicaOpener, IDisposable
{
    public void ReadChunk(ulong index, Span<byte> destination) => store.ReadChunk((long)index, destination);

    public Hash32[] GetPath(ulong index) => leaves.BuildPath((long)index);

    public void Dispose() => leaves.Dispose();
}
