// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Merkle;

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
        GC.KeepAlive(sink);
    }
}
