// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Benchmarks.Budget;

/// <summary>Hashing and Merkle cases.</summary>
public static partial class BudgetCases
{
    private static IEnumerable<BudgetCase> HashingCases()
    {
        Hash32 root = MerkleTree.ComputeRoot(Leaves);
        Hash32[] path = MerkleTree.BuildPath(Leaves, 777);
        Hash32 sink = default;
        yield return new("sha256 64 B", 0, () => sink = Sha256.Hash(Message));
        yield return new("leaf hash 4 KiB", 0, () => sink = TaggedHash.Compute(DomainTags.Leaf, Chunk));
        yield return new("merkle path verify (1,000 leaves)", 0, () =>
        {
            if (!MerkleTree.VerifyPath(Leaves[777], 777, Leaves.Length, path, root))
            {
                throw new InvalidOperationException("path must verify");
            }
        });

        StreamingMerkleBuilder builder = new();
        yield return new("streaming merkle add", 0, () =>
        {
            if (builder.Count == 1_000_000)
            {
                builder.Reset();
            }

            builder.Add(Leaves[(int)(builder.Count % Leaves.Length)]);
        });
        GC.KeepAlive(sink);
    }
}
