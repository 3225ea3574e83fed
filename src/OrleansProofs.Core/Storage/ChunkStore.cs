// SPDX-License-Identifier: MIT

using Microsoft.Win32.SafeHandles;

namespace OrleansProofs.Core.Storage;

/// <summary>
/// Random-access reads of whole 4,096-byte chunks from one replica file, straight into a caller's
/// buffer: a <see cref="SafeFileHandle"/> and <see cref="RandomAccess"/> positional reads (no file
/// position, so concurrent reads from many threads are safe, and no allocation per read).
/// <para>
/// The file is opened with <see cref="FileShare.Read"/> | <see cref="FileShare.Delete"/>: other
/// readers may open it, and it may be deleted or renamed while open (on Linux the inode lives until
/// the handle closes; on Windows the delete-on-close is honoured). <see cref="Dispose"/> closes the
/// handle at once, so a removed chain's replica can be deleted and re-created immediately after.
/// </para>
/// </summary>
public sealed class ChunkStore : IDisposable, IAsyncDisposable
{
    private readonly SafeFileHandle _handle;

    private ChunkStore(SafeFileHandle handle, string path, long chunkCount)
    {
        _handle = handle;
        Path = path;
        ChunkCount = chunkCount;
    }

    /// <summary>Path the store was opened from.</summary>
    public string Path { get; }

    /// <summary>Number of 4,096-byte chunks in the replica file.</summary>
    public long ChunkCount { get; }

    /// <summary>True once <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>
    /// Opens the replica file at <paramref name="path"/> for chunk reads.
    /// </summary>
    /// <param name="path">The replica file: whole chunks, its length a positive multiple of 4,096.</param>
    /// <param name="expectedChunkCount">When given, the committed chunk count the file must hold.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="InvalidDataException">The file's length is not a positive multiple of 4,096, or does not hold <paramref name="expectedChunkCount"/> chunks.</exception>
    public static ChunkStore Open(string path, long? expectedChunkCount = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.RandomAccess);
        try
        {
            long length = RandomAccess.GetLength(handle);
            if (length <= 0 || length % ChunkLayout.ChunkSize != 0)
            {
                throw new InvalidDataException(
                    $"Replica file '{path}' must be a positive multiple of {ChunkLayout.ChunkSize} bytes; it is {length} bytes.");
            }

            long chunkCount = length / ChunkLayout.ChunkSize;
            if (expectedChunkCount is long expected && expected != chunkCount)
            {
                throw new InvalidDataException(
                    $"Replica file '{path}' must hold the committed {expected} chunks; it holds {chunkCount} ({length} bytes).");
            }

            return new ChunkStore(handle, path, chunkCount);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads chunk <paramref name="index"/> into <paramref name="destination"/> (exactly 4,096 bytes).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="ChunkCount"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not 4,096 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    /// <exception cref="EndOfStreamException">The file was truncated under the store.</exception>
    public void ReadChunk(long index, Span<byte> destination)
    {
        long offset = Validate(index, destination.Length);
        int total = 0;
        while (total < destination.Length)
        {
            int read = RandomAccess.Read(_handle, destination[total..], offset + total);
            if (read == 0)
            {
                throw Truncated(index, total);
            }

            total += read;
        }
    }

    /// <summary>Reads chunk <paramref name="index"/> into <paramref name="destination"/> (exactly 4,096 bytes) asynchronously.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="ChunkCount"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not 4,096 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    /// <exception cref="EndOfStreamException">The file was truncated under the store.</exception>
    public ValueTask ReadChunkAsync(long index, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        long offset = Validate(index, destination.Length);
        return ReadCoreAsync(index, destination, offset, cancellationToken);
    }

    /// <summary>Closes the file handle; later reads throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Closes the file handle (synchronously: closing a handle does not block on I/O).</summary>
    public ValueTask DisposeAsync()
    {
        _handle.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask ReadCoreAsync(long index, Memory<byte> destination, long offset, CancellationToken cancellationToken)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int read = await RandomAccess.ReadAsync(_handle, destination[total..], offset + total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw Truncated(index, total);
            }

            total += read;
        }
    }

    private long Validate(long index, int destinationLength)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (index < 0 || index >= ChunkCount)
        {
            throw Error.OutOfRange(nameof(index), index, $"must be a chunk index below the chunk count {ChunkCount}");
        }

        if (destinationLength != ChunkLayout.ChunkSize)
        {
            throw Error.WrongLength("destination", ChunkLayout.ChunkSize, destinationLength);
        }

        return index << ChunkLayout.ChunkShift;
    }

    private EndOfStreamException Truncated(long index, int read) =>
        new($"Replica file '{Path}' ended after {read} bytes of chunk {index}: it was truncated while open.");
}
