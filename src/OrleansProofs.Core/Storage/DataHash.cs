// SPDX-License-Identifier: MIT

using System.Buffers;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Storage;

/// <summary>
/// The hash of a file's original contents:
/// <c>data_hash = SHA-256(u8 12 ‖ "posc/v1/data" ‖ u64 BE file_length ‖ file bytes)</c>.
/// Files are streamed through a bounded buffer (<see cref="BufferSize"/>), never loaded whole.
/// </summary>
public static class DataHash
{
    /// <summary>Bytes of the prefix before the file bytes: tag (1 + 12) and the u64 length.</summary>
    public const int PrefixSize = 1 + 12 + sizeof(ulong);

    /// <summary>Read buffer size used when streaming a file.</summary>
    public const int BufferSize = 256 * 1024;

    /// <summary>The data hash of <paramref name="data"/> held in memory.</summary>
    public static Hash32 Compute(ReadOnlySpan<byte> data)
    {
        using DataHasher hasher = new(data.Length);
        hasher.Append(data);
        return hasher.Finish();
    }

    /// <summary>The data hash of the file at <paramref name="path"/>, streamed.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static Hash32 Compute(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = OpenSequential(path);
        return Compute(stream, stream.Length);
    }

    /// <summary>
    /// The data hash of the next <paramref name="length"/> bytes of <paramref name="stream"/>, streamed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    /// <exception cref="EndOfStreamException">The stream ends before <paramref name="length"/> bytes.</exception>
    public static Hash32 Compute(Stream stream, long length)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using DataHasher hasher = new(length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (hasher.BytesAppended < length)
            {
                int want = (int)Math.Min(buffer.Length, length - hasher.BytesAppended);
                int read = stream.Read(buffer, 0, want);
                if (read == 0)
                {
                    throw new EndOfStreamException($"The stream ended after {hasher.BytesAppended} of {length} bytes.");
                }

                hasher.Append(buffer.AsSpan(0, read));
            }

            return hasher.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The data hash of the file at <paramref name="path"/>, streamed with asynchronous reads.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static async Task<Hash32> ComputeAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using FileStream stream = OpenSequential(path, useAsync: true);
        return await ComputeAsync(stream, stream.Length, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The data hash of the next <paramref name="length"/> bytes of <paramref name="stream"/>, read asynchronously.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    /// <exception cref="EndOfStreamException">The stream ends before <paramref name="length"/> bytes.</exception>
    public static async Task<Hash32> ComputeAsync(Stream stream, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using DataHasher hasher = new(length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (hasher.BytesAppended < length)
            {
                int want = (int)Math.Min(buffer.Length, length - hasher.BytesAppended);
                int read = await stream.ReadAsync(buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new EndOfStreamException($"The stream ended after {hasher.BytesAppended} of {length} bytes.");
                }

                hasher.Append(buffer.AsSpan(0, read));
            }

            return hasher.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static FileStream OpenSequential(string path, bool useAsync = false) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read | FileShare.Delete,
            BufferSize = 0,
            Options = FileOptions.SequentialScan | (useAsync ? FileOptions.Asynchronous : FileOptions.None),
        });
}
