// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// A block's entropy: <c>H(tag "posc/v1/entropy" ‖ block_hash ‖ beacon_or_zero ‖ u64 height)</c>.
/// It depends only on public data, so every verifier recomputes it. An absent beacon is encoded as
/// 32 zero bytes, which makes "no beacon" and "a beacon of all zeros" the same input.
/// </summary>
public static class BlockEntropy
{
    /// <summary>Bytes hashed: tag prefix, block hash, beacon and height.</summary>
    internal const int InputSize = 1 + 15 + 2 * Hash32.Size + 8;

    /// <summary>Computes the entropy of the block at <paramref name="height"/>.</summary>
    /// <param name="blockHash">The layer-1 block hash.</param>
    /// <param name="beacon">The randomness beacon value for this block, or null when there is none.</param>
    /// <param name="height">The block height.</param>
    public static Hash32 Compute(in Hash32 blockHash, Hash32? beacon, ulong height)
    {
        Span<byte> buffer = stackalloc byte[InputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Entropy);
        writer.WriteHash(blockHash);
        writer.WriteHash(beacon ?? Hash32.Zero);
        writer.WriteUInt64(height);
        return writer.Hash();
    }
}
