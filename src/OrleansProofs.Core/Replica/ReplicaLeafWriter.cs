// SPDX-License-Identifier: MIT

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Replica;

/// <summary>
/// Writes a leaf sidecar (layout in <see cref="ReplicaLeafFile"/>) as the leaves are produced, with
/// bounded memory: a 64 KiB leaf buffer and two <see cref="StreamingMerkleBuilder"/>s (the current
/// block and the whole tree). The leaf count is fixed up front, so every section's offset is known.
/// </summary>
public sealed class ReplicaLeafWriter : IDisposable
{
    private const int BufferedLeaves = 2048;

    private readonly SafeFileHandle _handle;
    private readonly Hash32[] _buffer = new Hash32[BufferedLeaves];
    private readonly StreamingMerkleBuilder _tree = new();
    private readonly StreamingMerkleBuilder _block = new();
    private long _appended;
    private long _flushed;
    private long _blocksWritten;
    private bool _completed;

    private ReplicaLeafWriter(SafeFileHandle handle, string path, long leafCount)
    {
        _handle = handle;
        Path = path;
        LeafCount = leafCount;
    }

    /// <summary>Path being written.</summary>
    public string Path { get; }

    /// <summary>Number of leaves the file will hold.</summary>
    public long LeafCount { get; }

    /// <summary>Creates a new sidecar at <paramref name="path"/> (which must not exist) for <paramref name="leafCount"/> leaves.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leafCount"/> is not between 1 and <see cref="MerkleTree.MaxLeafCount"/>.</exception>
    /// <exception cref="IOException">The file already exists.</exception>
    public static ReplicaLeafWriter Create(string path, long leafCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (leafCount < 1 || leafCount > MerkleTree.MaxLeafCount)
        {
            throw Error.OutOfRange(nameof(leafCount), leafCount, $"must be between 1 and {MerkleTree.MaxLeafCount}");
        }

        SafeFileHandle handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        return new ReplicaLeafWriter(handle, path, leafCount);
    }

    /// <summary>Appends the next leaf (in chunk order).</summary>
    /// <exception cref="InvalidOperationException">All <see cref="LeafCount"/> leaves were already appended, or the writer completed.</exception>
    public void Append(in Hash32 leaf)
    {
        ObjectDisposedException.ThrowIf(_completed || _handle.IsClosed, this);
        if (_appended == LeafCount)
        {
            throw new InvalidOperationException($"The leaf file '{Path}' was created for {LeafCount} leaves; one more was appended.");
        }

        _buffer[(int)(_appended - _flushed)] = leaf;
        _appended++;
        _tree.Add(leaf);
        _block.Add(leaf);
        if (_block.Count == ReplicaLeafFormat.BlockLeaves || _appended == LeafCount)
        {
            Span<byte> root = stackalloc byte[Hash32.Size];
            _block.ComputeRoot().CopyTo(root);
            RandomAccess.Write(_handle, root, ReplicaLeafFormat.BlockRootOffset(LeafCount, _blocksWritten++));
            _block.Reset();
        }

        if (_appended - _flushed == BufferedLeaves)
        {
            FlushLeaves();
        }
    }

    /// <summary>
    /// Writes the header with the root, flushes the file to disk and closes it; returns the replica root.
    /// </summary>
    /// <exception cref="InvalidOperationException">Fewer than <see cref="LeafCount"/> leaves were appended.</exception>
    public Hash32 Complete()
    {
        ObjectDisposedException.ThrowIf(_completed || _handle.IsClosed, this);
        if (_appended != LeafCount)
        {
            throw new InvalidOperationException($"The leaf file '{Path}' needs {LeafCount} leaves; {_appended} were appended.");
        }

        FlushLeaves();
        Hash32 root = _tree.ComputeRoot();
        Span<byte> header = stackalloc byte[ReplicaLeafFormat.HeaderSize];
        ReplicaLeafFormat.WriteHeader(header, LeafCount, root);
        RandomAccess.Write(_handle, header, 0);
        RandomAccess.FlushToDisk(_handle);
        _completed = true;
        _handle.Dispose();
        return root;
    }

    /// <summary>Closes the file (without completing it, when called early; the caller deletes it).</summary>
    public void Dispose() => _handle.Dispose();

    private void FlushLeaves()
    {
        int count = (int)(_appended - _flushed);
        if (count == 0)
        {
            return;
        }

        RandomAccess.Write(_handle, MemoryMarshal.AsBytes(_buffer.AsSpan(0, count)), ReplicaLeafFormat.LeafOffset(_flushed));
        _flushed = _appended;
    }
}
