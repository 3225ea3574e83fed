// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// A chain's position in the hierarchy as one hash:
/// <c>H(u8 16 ‖ "posc/v1/position" ‖ chain_id ‖ u32 group_id ‖ u32 region_id)</c>.
/// Membership is stable and persisted, so the position of a chain only changes if it is removed and re-added.
/// </summary>
public static class HierarchyPosition
{
    private const int InputSize = 1 + 16 + Hash32.Size + 4 + 4;

    /// <summary>Computes the position hash.</summary>
    public static Hash32 Compute(in Hash32 chainId, uint groupId, uint regionId)
    {
        Span<byte> buffer = stackalloc byte[InputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Position);
        writer.WriteHash(chainId);
        writer.WriteUInt32(groupId);
        writer.WriteUInt32(regionId);
        return writer.Hash();
    }
}
