// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Cli.Demo;

/// <summary>One demo chain: its header, its open replica and leaf sidecar, its group and its records.</summary>
internal sealed class DemoChain(ChainHeader header, string replicaPath, uint groupId) : IDisposable
{
    private readonly ChunkStore _store = ChunkStore.Open(replicaPath, (long)header.TotalChunks);

    public ChainHeader Header { get; } = header;

    public string ReplicaPath { get; } = replicaPath;

    public uint GroupId { get; } = groupId;

    public List<ChainRecord> Records { get; } = [];

    public Hash32 Head => Records.Count == 0 ? Header.AnchoredCommitment : Records[^1].Commitment;

    public ChainRecord Commit(ulong height, Hash32 blockHash, Hash32 entropy, int chunksPerBlock)
    {
        ChainRecord record = ChainStep.Commit(Header, Head, height, blockHash, entropy, chunksPerBlock, _store);
        Records.Add(record);
        return record;
    }

    public ReplicaOpener OpenReplica() => new(_store, ReplicaLeafFile.Open(ReplicaLeafFile.PathFor(ReplicaPath), (long)Header.TotalChunks, Header.ReplicaRoot));

    public void Dispose() => _store.Dispose();
}
