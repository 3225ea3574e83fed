// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// A chain's commitment at one block, proving it read the selected chunks then:
/// <c>H(tag "posc/v1/commitment" ‖ chain_id ‖ previous_commitment ‖ u64 height ‖ block_hash ‖
/// block_entropy ‖ u8 k ‖ k × (u64 index ‖ leaf_hash))</c>, indices in selection order, where
/// leaf_hash = <c>TaggedHash("posc/v1/leaf", stored 4,096-byte replica chunk)</c>.
/// The block entropy is included so a commitment names the exact beacon value its selection used
/// (with k = n the indices alone would not distinguish two beacons).
/// </summary>
public static class AccessCommitment
{
    /// <summary>Bytes hashed before the per-chunk entries.</summary>
    internal const int FixedSize = 1 + 18 + 4 * Hash32.Size + 8 + 1;

    /// <summary>Bytes hashed per selected chunk: u64 index and leaf hash.</summary>
    internal const int EntrySize = 8 + Hash32.Size;

    /// <summary>Computes the commitment. Allocates nothing.</summary>
    /// <param name="chainId">The chain's id.</param>
    /// <param name="previousCommitment">The chain's previous commitment (anchored commitment at the first block).</param>
    /// <param name="height">The block height.</param>
    /// <param name="blockHash">The block hash.</param>
    /// <param name="blockEntropy">The block's entropy (<see cref="BlockEntropy"/>).</param>
    /// <param name="indices">The selected chunk indices, in selection order (1 to 64 of them).</param>
    /// <param name="leafHashes">The replica leaf hash of each selected chunk, aligned with <paramref name="indices"/>.</param>
    /// <exception cref="ArgumentException">Counts are out of range or differ.</exception>
    public static Hash32 Compute(
        in Hash32 chainId,
        in Hash32 previousCommitment,
        ulong height,
        in Hash32 blockHash,
        in Hash32 blockEntropy,
        ReadOnlySpan<ulong> indices,
        ReadOnlySpan<Hash32> leafHashes)
    {
        if (indices.Length is < 1 or > ProtocolConstants.MaxChunksPerBlock)
        {
            throw Error.OutOfRange(nameof(indices), indices.Length, $"must hold between 1 and {ProtocolConstants.MaxChunksPerBlock} indices");
        }

        if (leafHashes.Length != indices.Length)
        {
            throw Error.Invalid(nameof(leafHashes), $"must hold one leaf hash per index ({indices.Length}); it holds {leafHashes.Length}.");
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
            writer.WriteHash(leafHashes[i]);
        }

        return writer.Hash();
    }
}
