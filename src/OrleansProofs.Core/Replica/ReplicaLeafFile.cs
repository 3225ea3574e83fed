// SPDX-License-Identifier: MIT

using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Replica;

/// <summary>
/// The leaf-hash sidecar of a replica, so inclusion paths for huge files come without rereading or
/// rehashing chunk bytes. Layout (big-endian):
/// <code>
/// offset            size            field
/// 0                 8               magic "POSCLEAF"
/// 8                 1               format version (1)
/// 9                 1               block shift k (10: blocks of 1,024 leaves)
/// 10                6               reserved, zero
/// 16                8               u64 leaf count n (1 .. 2^40)
/// 24                32              replica root
/// 56                8               reserved, zero
/// 64                32·n            leaf i = TaggedHash(Leaf, stored chunk i), in chunk order
/// 64 + 32·n         32·ceil(n/1024) block root j = Merkle root of leaves [1024·j, min(1024·(j+1), n))
/// </code>
/// <para>
/// Opening reads the header and the block roots (32 bytes per 4 MiB of data), materialises the
/// tree levels above them in memory and checks they give the header's root. <see cref="BuildPath(long)"/>
/// then reads only the 1,024-leaf block (32 KiB) holding the leaf, checks it against its block
/// root, and joins the in-block path to the path over block roots: a block root is exactly the
/// tree node at level 10 (nodes cover aligned leaf ranges under the promote-the-odd-node rule),
/// so the joined path equals <see cref="MerkleTree.BuildPath"/> over all leaves.
/// </para>
/// </summary>
public sealed class ReplicaLeafFile : IDisposable
{
    private readonly SafeFileHandle _handle;

    /// <summary>Levels from the block roots (index 0) up to the root (a single node).</summary>
    private readonly Hash32[][] _upperLevels;

    private ReplicaLeafFile(SafeFileHandle handle, string path, long leafCount, Hash32 root, Hash32[][] upperLevels)
    {
        _handle = handle;
        Path = path;
        LeafCount = leafCount;
        Root = root;
        _upperLevels = upperLevels;
    }

    /// <summary>Bytes of sidecar per leaf (one SHA-256 digest); 32/4,096 = 0.78 % of the replica.</summary>
    public const int BytesPerLeaf = Hash32.Size;

    /// <summary>Path the sidecar was opened from.</summary>
    public string Path { get; }

    /// <summary>Number of leaves (replica chunks).</summary>
    public long LeafCount { get; }

    /// <summary>The replica root recorded in the header and checked against the block roots on open.</summary>
    public Hash32 Root { get; }

    /// <summary>Default sidecar path of a replica: <c>&lt;replica&gt;.leaves</c>.</summary>
    public static string PathFor(string replicaPath) => replicaPath + ".leaves";

    /// <summary>
    /// Opens and checks a sidecar: header fields, file length, and that the block roots give the
    /// recorded root (and <paramref name="expectedRoot"/> / <paramref name="expectedLeafCount"/>, when given).
    /// </summary>
    /// <exception cref="InvalidDataException">A header field, the length, or the root does not check out; the message names it.</exception>
    public static ReplicaLeafFile Open(string path, long? expectedLeafCount = null, Hash32? expectedRoot = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.RandomAccess);
        try
        {
            Span<byte> header = stackalloc byte[ReplicaLeafFormat.HeaderSize];
            ReadExactly(handle, header, 0, path);
            (long leafCount, Hash32 root) = ReplicaLeafFormat.ReadHeader(header, path);
            long expectedLength = ReplicaLeafFormat.FileLength(leafCount);
            long length = RandomAccess.GetLength(handle);
            if (length != expectedLength)
            {
                throw ReplicaLeafFormat.Invalid(path, "length", $"must be {expectedLength} bytes for {leafCount} leaves; got {length}");
            }

            if (expectedLeafCount is long count && count != leafCount)
            {
                throw ReplicaLeafFormat.Invalid(path, "leaf count", $"must be the committed {count}; got {leafCount}");
            }

            Hash32[] blockRoots = new Hash32[ReplicaLeafFormat.BlockCount(leafCount)];
            ReadExactly(handle, MemoryMarshal.AsBytes(blockRoots.AsSpan()), ReplicaLeafFormat.BlockRootOffset(leafCount, 0), path);
            Hash32[][] levels = Materialise(blockRoots);
            Hash32 computed = levels[^1][0];
            if (computed != root)
            {
                throw ReplicaLeafFormat.Invalid(path, "replica root", $"is {root} but the block roots give {computed}");
            }

            if (expectedRoot is Hash32 expected && expected != root)
            {
                throw ReplicaLeafFormat.Invalid(path, "replica root", $"must be the committed {expected}; got {root}");
            }

            return new ReplicaLeafFile(handle, path, leafCount, root, levels);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads leaf <paramref name="index"/> (one 32-byte read; not checked against the root).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="LeafCount"/>.</exception>
    /// <exception cref="ObjectDisposedException">The file was disposed.</exception>
    public Hash32 ReadLeaf(long index)
    {
        ValidateIndex(index);
        Span<byte> leaf = stackalloc byte[Hash32.Size];
        ReadExactly(_handle, leaf, ReplicaLeafFormat.LeafOffset(index), Path);
        return new Hash32(leaf);
    }

    /// <summary>
    /// The inclusion path of leaf <paramref name="index"/>, identical to <see cref="MerkleTree.BuildPath"/>
    /// over all leaves. Reads one block of at most 1,024 leaves and checks it against its block root.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="LeafCount"/>.</exception>
    /// <exception cref="InvalidDataException">The block holding the leaf does not match its block root (the sidecar is corrupt).</exception>
    /// <exception cref="ObjectDisposedException">The file was disposed.</exception>
    public Hash32[] BuildPath(long index) => BuildPath(index, out _);

    /// <summary>As <see cref="BuildPath(long)"/>, also returning the leaf itself.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="LeafCount"/>.</exception>
    /// <exception cref="InvalidDataException">The block holding the leaf does not match its block root (the sidecar is corrupt).</exception>
    /// <exception cref="ObjectDisposedException">The file was disposed.</exception>
    public Hash32[] BuildPath(long index, out Hash32 leaf)
    {
        ValidateIndex(index);
        long block = index >> ReplicaLeafFormat.BlockShift;
        long first = block << ReplicaLeafFormat.BlockShift;
        int count = (int)Math.Min(ReplicaLeafFormat.BlockLeaves, LeafCount - first);
        int local = (int)(index - first);
        Hash32[] rented = ArrayPool<Hash32>.Shared.Rent(count);
        try
        {
            Span<Hash32> leaves = rented.AsSpan(0, count);
            ReadExactly(_handle, MemoryMarshal.AsBytes(leaves), ReplicaLeafFormat.LeafOffset(first), Path);
            Hash32 blockRoot = MerkleTree.ComputeRoot(leaves);
            if (blockRoot != _upperLevels[0][block])
            {
                throw ReplicaLeafFormat.Invalid(Path, $"leaves of block {block}", "do not hash to the recorded block root");
            }

            leaf = leaves[local];
            Hash32[] inner = MerkleTree.BuildPath(leaves, local);
            int upperLength = 0;
            long position = block;
            for (int level = 0; level < _upperLevels.Length - 1; level++, position >>= 1)
            {
                upperLength += MerkleTree.HasSibling(position, _upperLevels[level].Length) ? 1 : 0;
            }

            Hash32[] path = new Hash32[inner.Length + upperLength];
            inner.CopyTo(path, 0);
            int written = inner.Length;
            position = block;
            for (int level = 0; level < _upperLevels.Length - 1; level++, position >>= 1)
            {
                if (MerkleTree.HasSibling(position, _upperLevels[level].Length))
                {
                    path[written++] = _upperLevels[level][position ^ 1];
                }
            }

            return path;
        }
        finally
        {
            ArrayPool<Hash32>.Shared.Return(rented);
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _handle.Dispose();

    private void ValidateIndex(long index)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (index < 0 || index >= LeafCount)
        {
            throw Error.OutOfRange(nameof(index), index, $"must be a leaf index below the leaf count {LeafCount}");
        }
    }

    private static Hash32[][] Materialise(Hash32[] blockRoots)
    {
        List<Hash32[]> levels = [blockRoots];
        Hash32[] level = blockRoots;
        while (level.Length > 1)
        {
            Hash32[] parents = new Hash32[(level.Length + 1) / 2];
            MerkleTree.ReduceLevel(level, parents);
            levels.Add(parents);
            level = parents;
        }

        return [.. levels];
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> destination, long offset, string path)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int read = RandomAccess.Read(handle, destination[total..], offset + total);
            if (read == 0)
            {
                throw ReplicaLeafFormat.Invalid(path, "length", $"ended at offset {offset + total}, inside a field that needs {destination.Length} bytes");
            }

            total += read;
        }
    }
}
