// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// A chain's leaf in its group tree at one block:
/// <c>SHA-256(u8 18 ‖ "posc/v1/chain-leaf" ‖ chain_id(32) ‖ u64 height ‖ commitment(32))</c>.
/// </summary>
public static class ChainLeaf
{
    /// <summary>Bytes hashed: tag prefix (19) + 32 + 8 + 32.</summary>
    public const int InputSize = 19 + Hash32.Size + 8 + Hash32.Size;

    /// <summary>Computes the leaf of <paramref name="chainId"/> committing <paramref name="commitment"/> at <paramref name="height"/>.</summary>
    public static Hash32 Compute(in Hash32 chainId, ulong height, in Hash32 commitment)
    {
        Span<byte> buffer = stackalloc byte[InputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.ChainLeaf);
        writer.WriteHash(chainId);
        writer.WriteUInt64(height);
        writer.WriteHash(commitment);
        return writer.Hash();
    }
}
