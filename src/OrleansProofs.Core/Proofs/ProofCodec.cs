// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Proofs;

/// <summary>Shared pieces of the proof encodings: the length-prefixed hierarchy path.</summary>
internal static class ProofCodec
{
    /// <summary>Writes <c>u16 length ‖ path</c>.</summary>
    internal static void WritePath(ref ProtocolWriter writer, HierarchyPath path)
    {
        byte[] encoded = path.Encode();
        writer.WriteUInt16(checked((ushort)encoded.Length));
        writer.WriteBytes(encoded);
    }

    /// <summary>Reads <c>u16 length ‖ path</c>.</summary>
    internal static HierarchyPath ReadPath(ref ProtocolReader reader)
    {
        ushort length = reader.ReadUInt16("path_length");
        if (length > HierarchyPath.MaxEncodedSize)
        {
            throw new FormatException($"path_length {length} exceeds the largest hierarchy path ({HierarchyPath.MaxEncodedSize} bytes).");
        }

        ReadOnlySpan<byte> encoded = reader.ReadBytes(length, "hierarchy_path");
        return HierarchyPath.Decode(encoded);
    }
}
