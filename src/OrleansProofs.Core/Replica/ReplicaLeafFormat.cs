// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Replica;

/// <summary>Constants, offsets and the header codec of the leaf sidecar; the layout is documented on <see cref="ReplicaLeafFile"/>.</summary>
internal static class ReplicaLeafFormat
{
    internal const int HeaderSize = 64;
    internal const byte FormatVersion = 1;
    internal const int BlockShift = 10;
    internal const int BlockLeaves = 1 << BlockShift;

    internal static ReadOnlySpan<byte> Magic => "POSCLEAF"u8;

    internal static long BlockCount(long leafCount) => ((leafCount - 1) >> BlockShift) + 1;

    internal static long LeafOffset(long index) => HeaderSize + (index * Hash32.Size);

    internal static long BlockRootOffset(long leafCount, long block) => HeaderSize + (leafCount * Hash32.Size) + (block * Hash32.Size);

    internal static long FileLength(long leafCount) => BlockRootOffset(leafCount, BlockCount(leafCount));

    internal static void WriteHeader(Span<byte> header, long leafCount, in Hash32 root)
    {
        header[..HeaderSize].Clear();
        Magic.CopyTo(header);
        header[8] = FormatVersion;
        header[9] = BlockShift;
        BinaryPrimitives.WriteUInt64BigEndian(header[16..], (ulong)leafCount);
        root.CopyTo(header[24..]);
    }

    /// <summary>Parses a header; throws <see cref="InvalidDataException"/> naming the field that is wrong.</summary>
    internal static (long LeafCount, Hash32 Root) ReadHeader(ReadOnlySpan<byte> header, string path)
    {
        if (!header[..8].SequenceEqual(Magic))
        {
            throw Invalid(path, "magic", "must be \"POSCLEAF\"");
        }

        if (header[8] != FormatVersion)
        {
            throw Invalid(path, "format version", $"must be {FormatVersion}; got {header[8]}");
        }

        if (header[9] != BlockShift)
        {
            throw Invalid(path, "block shift", $"must be {BlockShift}; got {header[9]}");
        }

        if (header[10..16].ContainsAnyExcept((byte)0) || header[56..64].ContainsAnyExcept((byte)0))
        {
            throw Invalid(path, "reserved", "must be zero");
        }

        ulong leafCount = BinaryPrimitives.ReadUInt64BigEndian(header[16..]);
        if (leafCount is 0 or > (ulong)MerkleTree.MaxLeafCount)
        {
            throw Invalid(path, "leaf count", $"must be between 1 and {MerkleTree.MaxLeafCount}; got {leafCount}");
        }

        return ((long)leafCount, new Hash32(header.Slice(24, Hash32.Size)));
    }

    internal static InvalidDataException Invalid(string path, string field, string rule) =>
        new($"Leaf file '{path}': field '{field}' {rule}.");
}
