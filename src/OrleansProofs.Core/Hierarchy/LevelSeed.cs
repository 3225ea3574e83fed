// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// The seed layout groups and regions share, under their own tags:
/// <c>SHA-256(u8 len ‖ tag ‖ u32 id ‖ u64 height ‖ u32 child_count ‖ children_root)</c>.
/// </summary>
internal static class LevelSeed
{
    /// <summary>Largest seed input (the longest level tag is 14 bytes).</summary>
    private const int MaxInputSize = 1 + 14 + 4 + 8 + 4 + Hash32.Size;

    internal static Hash32 Compute(ReadOnlySpan<byte> tag, uint id, ulong height, uint childCount, in Hash32 childrenRoot)
    {
        Span<byte> buffer = stackalloc byte[MaxInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(tag);
        writer.WriteUInt32(id);
        writer.WriteUInt64(height);
        writer.WriteUInt32(childCount);
        writer.WriteHash(childrenRoot);
        return writer.Hash();
    }
}
