// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// A chain's commitment at one block, proving it read the selected chunks' bytes then:
/// <c>H(tag "posc/v1/commitment" ‖ chain_id ‖ previous_commitment ‖ u64 height ‖ block_hash ‖
/// block_entropy ‖ u8 k ‖ k × (u64 index ‖ access_digest))</c>, indices in selection order, where
/// access_digest = <see cref="AccessDigest"/>(block_entropy, chain_id, index, stored 4,096-byte chunk).
/// Unlike a leaf hash, an access digest cannot be computed ahead of the block, so the commitment
/// needs the chunk bytes at block time. The block entropy is included so a commitment names the
/// exact beacon value its selection used (with k = n the indices alone would not distinguish two beacons).
/// </summary>
public static class AccessCommitment
{
    /// <summary>Bytes hashed before the per-chunk entries.</summary>
    internal const int FixedSize = 1 + 18 + 4 * Hash32.Size + 8 + 1;

    /// <summary>Bytes hashed per selected chunk: u64 index and access digest.</summary>
    internal const int EntrySize = 8 + Hash32.Size;

    /// <summary>Computes the commitment. Allocates nothing.</summary>
    /// <param name="chainId">The chain's id.</param>
    /// <param name="previousCommitment">The chain's previous commitment (anchored commitment at the first block).</param>
    /// <param name="height">The block height.</param>
    /// <param name="blockHash">The block hash.</param>
    /// <param name="blockEntropy">The block's entropy (<see cref="BlockEntropy"/>).</param>
    /// <param name="indices">The selected chunk indices, in selection order (1 to 64 of them).</param>
    /// <param name="accessDigests">The <see cref="AccessDigest"/> of each selected chunk at this block, aligned with <paramref name="indices"/>.</param>
    /// <exception cref="ArgumentException">Counts are out of range or differ.</exception>
    public static Hash32 Compute(
        in Hash32 chainId,
        in Hash32 previousCommitment,
        ulong height,
        in Hash32 blockHash,
        in Hash32 blockEntropy,
        ReadOnlySpan<ulong> indices,
        ReadOnlySpan<Hash32> accessDigests)
    {
        if (indices.Length is < 1 or > ProtocolConstants.MaxChunksPerBlock)
        {
            throw Error.OutOfRange(nameof(indices), indices.Length, $"must hold between 1 and {ProtocolConstants.MaxChunksPerBlock} indices");
        }

        if (accessDigests.Length != indices.Length)
        {
            throw Error.Invalid(nameof(accessDigests), $"must hold one access digest per index ({indices.Length}); it holds {accessDigests.Length}.");
        }

        Span<byte> buffer = stackalloc byte[FixedSize + ProtocolConstants.MaxChunksPerBlock * EntrySize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Commitment);
        writer.WriteHash(chainId);
        writer.WriteHash(previousCommitment);
        writer.WriteUInt64(height);
        writer.WriteHash(blockHash);
        writer.WriteHash(blockEntropy);
        writer.WriteByte((byte)indices.Length);
        Debug.Assert(writer.Position == FixedSize);
        for (int i = 0; i < indices.Length; i++)
        {
            writer.WriteUInt64(indices[i]);
            writer.WriteHash(accessDigests[i]);
        }

        return writer.Hash();
    }
}
