// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// The explicit record of a missed block: <c>H(tag "posc/v1/gap" ‖ chain_id ‖ previous_commitment ‖
/// u64 height ‖ block_hash)</c>. It takes the block's place in the chain, so a missed block is a
/// counted fault and the chain continues linearly from it, never a fork or a silent hole.
/// </summary>
public static class GapCommitment
{
    /// <summary>Bytes hashed: tag prefix, chain id, previous commitment, height and block hash.</summary>
    internal const int InputSize = 1 + 11 + 3 * Hash32.Size + 8;

    /// <summary>Computes the gap commitment. Allocates nothing.</summary>
    public static Hash32 Compute(in Hash32 chainId, in Hash32 previousCommitment, ulong height, in Hash32 blockHash)
    {
        Span<byte> buffer = stackalloc byte[InputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Gap);
        writer.WriteHash(chainId);
        writer.WriteHash(previousCommitment);
        writer.WriteUInt64(height);
        writer.WriteHash(blockHash);
        Debug.Assert(writer.Position == InputSize);
        return writer.Hash();
    }
}
