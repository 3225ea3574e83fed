// SPDX-License-Identifier: MIT

using System.Buffers;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// One chain's work at one block, as a prover does it: select the chunks from public inputs, read
/// them from the stored replica now, digest each with the block's entropy, and commit. The only
/// writer of a chain calls this once per block, in height order.
/// </summary>
public static class ChainStep
{
    /// <summary>Commits <paramref name="header"/>'s chain at a block, reading the selected chunks from <paramref name="replica"/>.</summary>
    /// <exception cref="ArgumentException">The replica's chunk count differs from the header's.</exception>
    public static ChainRecord Commit(
        ChainHeader header, in Hash32 previousCommitment, ulong height, in Hash32 blockHash, in Hash32 blockEntropy, int chunksPerBlock, ChunkStore replica)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(replica);
        if ((ulong)replica.ChunkCount != header.TotalChunks)
        {
            throw Error.Invalid(nameof(replica), $"holds {replica.ChunkCount} chunks but the chain's header commits {header.TotalChunks}.");
        }

        Span<ulong> indices = stackalloc ulong[ProtocolConstants.MaxChunksPerBlock];
        int k = ChunkSelector.Select(blockEntropy, header.ChainId, previousCommitment, header.TotalChunks, chunksPerBlock, indices);
        Hash32[] digests = new Hash32[k];
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ProtocolConstants.ChunkSize);
        try
        {
            for (int i = 0; i < k; i++)
            {
                Span<byte> bytes = chunk.AsSpan(0, ProtocolConstants.ChunkSize);
                replica.ReadChunk((long)indices[i], bytes);
                digests[i] = AccessDigest.Compute(blockEntropy, header.ChainId, indices[i], bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return ChainRecord.Commit(header.ChainId, previousCommitment, height, blockHash, blockEntropy, [.. indices[..k]], [.. digests]);
    }
}
