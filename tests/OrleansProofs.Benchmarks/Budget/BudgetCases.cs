// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Benchmarks.Budget;

/// <summary>The hot per-block paths and their budgets (0 B: they run for every chain at every block).</summary>
public static class BudgetCases
{
    public static IEnumerable<BudgetCase> All()
    {
        byte[] chunk = new byte[4096];
        new Random(4096).NextBytes(chunk);
        byte[] message = new byte[64];
        new Random(64).NextBytes(message);
        Hash32[] leaves = Enumerable.Range(0, 1000).Select(i => Sha256.Hash(BitConverter.GetBytes(i))).ToArray();
        Hash32 root = MerkleTree.ComputeRoot(leaves);
        Hash32[] path = MerkleTree.BuildPath(leaves, 777);
        Hash32 sink = default;

        yield return new("sha256 64 B", 0, () => sink = Sha256.Hash(message));
        yield return new("leaf hash 4 KiB", 0, () => sink = TaggedHash.Compute(DomainTags.Leaf, chunk));
        yield return new("merkle path verify (1,000 leaves)", 0, () =>
        {
            if (!MerkleTree.VerifyPath(leaves[777], 777, leaves.Length, path, root))
            {
                throw new InvalidOperationException("path must verify");
            }
        });

        // Storage: the chunk a chain reads at every block, read into a caller buffer and leaf-hashed.
        string replicaPath = Path.Combine(Path.GetTempPath(), $"posc-budget-{Environment.ProcessId}.replica");
        byte[] replicaBytes = new byte[64 * ChunkLayout.ChunkSize];
        new Random(7).NextBytes(replicaBytes);
        File.WriteAllBytes(replicaPath, replicaBytes);
        ChunkStore store = ChunkStore.Open(replicaPath);
        File.Delete(replicaPath); // FileShare.Delete: the open store keeps reading; nothing is left behind.
        byte[] destination = new byte[ChunkLayout.ChunkSize];
        long next = 0;
        yield return new("replica leaf hash 4 KiB", 0, () => sink = ReplicaCodec.LeafHash(chunk));
        yield return new("chunk store read 4 KiB into caller buffer", 0, () => store.ReadChunk(next++ % store.ChunkCount, destination));

        ReplicaCodec codec = new(new ProverPublicKey(new byte[32]), Sha256.Hash(message), 16);
        byte[] previous = new byte[ChunkLayout.ChunkSize];
        yield return new("replica encode chunk (W=16)", 0, () => codec.EncodeChunk(1, previous, chunk, destination));

        StreamingMerkleBuilder builder = new();
        yield return new("streaming merkle add", 0, () =>
        {
            if (builder.Count == 1_000_000)
            {
                builder.Reset();
            }

            builder.Add(leaves[(int)(builder.Count % leaves.Length)]);
        });
        GC.KeepAlive(sink);
        GC.KeepAlive(store);
    }
}
