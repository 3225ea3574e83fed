// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Benchmarks.Budget;

/// <summary>The chunk a chain reads at every block (into a caller buffer), its leaf hash, and encoding one chunk.</summary>
public static partial class BudgetCases
{
    private static IEnumerable<BudgetCase> StorageCases()
    {
        string replicaPath = Path.Combine(Path.GetTempPath(), $"posc-budget-{Environment.ProcessId}.replica");
        byte[] replicaBytes = new byte[64 * ChunkLayout.ChunkSize];
        new Random(7).NextBytes(replicaBytes);
        File.WriteAllBytes(replicaPath, replicaBytes);
        using ChunkStore store = ChunkStore.Open(replicaPath);
        File.Delete(replicaPath); // FileShare.Delete: the open store keeps reading; nothing is left behind.
        byte[] destination = new byte[ChunkLayout.ChunkSize];
        long next = 0;
        Hash32 sink = default;
        yield return new("replica leaf hash 4 KiB", 0, () => sink = ReplicaCodec.LeafHash(Chunk));
        yield return new("chunk store read 4 KiB into caller buffer", 0, () => store.ReadChunk(next++ % store.ChunkCount, destination));

        ReplicaCodec codec = new(new ProverPublicKey(new byte[32]), Sha256.Hash(Message), 16);
        byte[] previousStored = new byte[ChunkLayout.ChunkSize];
        yield return new("replica encode chunk (W=16)", 0, () => codec.EncodeChunk(1, previousStored, Chunk, destination));
        GC.KeepAlive(sink);
    }
}
