// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Vdf;
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
        VdfBuffer vdfBuffer = VdfBuffer.Create(Sha256.Hash("budget"u8), VdfBuffer.MinBytes);
        Hash32 vdfState = VdfFunction.InitialState(vdfBuffer.Seed);
        ulong vdfIteration = 0;

        yield return new("sha256 64 B", 0, () => sink = Sha256.Hash(message));
        yield return new("leaf hash 4 KiB", 0, () => sink = TaggedHash.Compute(DomainTags.Leaf, chunk));
        yield return new("merkle path verify (1,000 leaves)", 0, () =>
        {
            if (!MerkleTree.VerifyPath(leaves[777], 777, leaves.Length, path, root))
            {
                throw new InvalidOperationException("path must verify");
            }
        });

        Hash32 blockHash = Sha256.Hash("block"u8);
        Hash32 chainId = Sha256.Hash("chain"u8);
        Hash32 previous = Sha256.Hash("previous"u8);
        Hash32 entropy = BlockEntropy.Compute(blockHash, null, 1_000);
        ulong[] indices = new ulong[ProtocolConstants.MaxChunksPerBlock];
        ChunkSelector.Select(entropy, chainId, previous, 1UL << 30, 16, indices);
        Hash32[] digests = [.. indices.Take(16).Select(i => AccessDigest.Compute(entropy, chainId, i, chunk))];
        yield return new("block entropy", 0, () => sink = BlockEntropy.Compute(blockHash, previous, 1_000));
        yield return new("chunk selection k=4", 0, () => ChunkSelector.Select(entropy, chainId, previous, 1UL << 30, 4, indices));
        yield return new("chunk selection k=16", 0, () => ChunkSelector.Select(entropy, chainId, previous, 1UL << 30, 16, indices));
        yield return new("chunk selection verify k=16", 0, () =>
        {
            if (!ChunkSelector.Verify(entropy, chainId, previous, 1UL << 30, 16, indices.AsSpan(0, 16)))
            {
                throw new InvalidOperationException("selection must verify");
            }
        });
        yield return new("access digest 4 KiB", 0, () => sink = AccessDigest.Compute(entropy, chainId, indices[0], chunk));
        yield return new("access commitment k=4", 0, () =>
            sink = AccessCommitment.Compute(chainId, previous, 1_000, blockHash, entropy, indices.AsSpan(0, 4), digests.AsSpan(0, 4)));
        yield return new("access commitment k=16", 0, () =>
            sink = AccessCommitment.Compute(chainId, previous, 1_000, blockHash, entropy, indices.AsSpan(0, 16), digests));
        yield return new("gap commitment", 0, () => sink = GapCommitment.Compute(chainId, previous, 1_000, blockHash));
        yield return new("vdf 64 iterations (64 KiB buffer)", 0, () =>
        {
            vdfState = VdfFunction.Iterate(vdfBuffer, vdfState, vdfIteration, 64);
            vdfIteration += 64;
        });
        // Hierarchy: the iterated hash, and verifying an already decoded path (3 levels, 2,500 chains).
        // Allocation does not depend on iteration counts, so the path uses small ones to keep the run short.
        HierarchyParameters hierarchy = new(1_000, 2, 10, 10, 10);
        ChainEntry[] chains = Enumerable.Range(0, 2_500)
            .Select(i => new ChainEntry(Sha256.Hash(BitConverter.GetBytes(i)), (uint)(i / 1_000), Sha256.Hash(BitConverter.GetBytes(-i))))
            .ToArray();
        BlockHierarchy block = BlockHierarchy.Build(7, root, Hash32.Zero, chains, hierarchy);
        HierarchyPath hierarchyPath = HierarchyPath.Decode(block.GetPath(chains[1_234].ChainId).Encode());
        Hash32 globalRoot = block.GlobalRoot;
        yield return new("iterated hash (1,000 steps)", 0, () => sink = IteratedHash.Compute(root, 1_000));
        yield return new("hierarchy path verify (decoded)", 0, () =>
        {
            if (!HierarchyPathVerifier.Verify(hierarchyPath, chains[1_234].ChainId, 7, chains[1_234].Commitment, globalRoot, hierarchy).IsValid)
            {
                throw new InvalidOperationException("hierarchy path must verify");
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
        byte[] previousStored = new byte[ChunkLayout.ChunkSize];
        yield return new("replica encode chunk (W=16)", 0, () => codec.EncodeChunk(1, previousStored, chunk, destination));

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
