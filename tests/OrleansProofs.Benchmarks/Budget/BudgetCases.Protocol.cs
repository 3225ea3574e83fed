// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Benchmarks.Budget;

/// <summary>Entropy, selection, access digests and commitments: a chain's per-block protocol work.</summary>
public static partial class BudgetCases
{
    private static IEnumerable<BudgetCase> ProtocolCases()
    {
        Hash32 blockHash = Sha256.Hash("block"u8);
        Hash32 chainId = Sha256.Hash("chain"u8);
        Hash32 previous = Sha256.Hash("previous"u8);
        Hash32 entropy = BlockEntropy.Compute(blockHash, null, 1_000);
        ulong[] indices = new ulong[ProtocolConstants.MaxChunksPerBlock];
        ChunkSelector.Select(entropy, chainId, previous, 1UL << 30, 16, indices);
        Hash32[] digests = [.. indices.Take(16).Select(i => AccessDigest.Compute(entropy, chainId, i, Chunk))];
        Hash32 sink = default;
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
        yield return new("access digest 4 KiB", 0, () => sink = AccessDigest.Compute(entropy, chainId, indices[0], Chunk));
        yield return new("access commitment k=4", 0, () =>
            sink = AccessCommitment.Compute(chainId, previous, 1_000, blockHash, entropy, indices.AsSpan(0, 4), digests.AsSpan(0, 4)));
        yield return new("access commitment k=16", 0, () =>
            sink = AccessCommitment.Compute(chainId, previous, 1_000, blockHash, entropy, indices.AsSpan(0, 16), digests));
        yield return new("gap commitment", 0, () => sink = GapCommitment.Compute(chainId, previous, 1_000, blockHash));
        GC.KeepAlive(sink);
    }
}
