// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Benchmarks.Budget;

/// <summary>The iterated hash and verifying an already decoded hierarchy path (3 levels, 2,500 chains).</summary>
public static partial class BudgetCases
{
    private static IEnumerable<BudgetCase> HierarchyCases()
    {
        // Allocation does not depend on iteration counts, so the path uses small ones to keep the run short.
        HierarchyParameters hierarchy = new(1_000, 2, 10, 10, 10);
        ChainEntry[] chains = Enumerable.Range(0, 2_500)
            .Select(i => new ChainEntry(Sha256.Hash(BitConverter.GetBytes(i)), (uint)(i / 1_000), Sha256.Hash(BitConverter.GetBytes(-i))))
            .ToArray();
        Hash32 seed = Leaves[0];
        BlockHierarchy block = BlockHierarchy.Build(7, seed, Hash32.Zero, chains, hierarchy);
        HierarchyPath hierarchyPath = HierarchyPath.Decode(block.GetPath(chains[1_234].ChainId).Encode());
        Hash32 globalRoot = block.GlobalRoot;
        Hash32 sink = default;
        yield return new("iterated hash (1,000 steps)", 0, () => sink = IteratedHash.Compute(seed, 1_000));
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
