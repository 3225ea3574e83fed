// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Storage;

/// <summary>
/// Incremental data hash of one file, fed in pieces of any size:
/// <c>data_hash = SHA-256(u8 12 ‖ "posc/v1/data" ‖ u64 file_length ‖ file bytes)</c>.
/// The length comes first, so it must be known before the first byte; <see cref="Finish"/> checks
/// that exactly that many bytes were appended.
/// </summary>
public sealed class DataHasher : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _appended;
    private bool _finished;

    /// <summary>Starts the hash of a file of <paramref name="fileLength"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fileLength"/> is negative.</exception>
    public DataHasher(long fileLength)
    {
        if (fileLength < 0)
        {
            _hash.Dispose();
            throw Error.OutOfRange(nameof(fileLength), fileLength, "must not be negative");
        }

        FileLength = fileLength;
        Span<byte> prefix = stackalloc byte[DataHash.PrefixSize];
        ProtocolWriter writer = new(prefix);
        writer.WriteTag(DomainTags.Data);
        writer.WriteUInt64((ulong)fileLength);
        _hash.AppendData(writer.Written);
    }

    /// <summary>The file length committed in the prefix.</summary>
    public long FileLength { get; }

    /// <summary>Bytes appended so far.</summary>
    public long BytesAppended => _appended;

    /// <summary>Appends the next <paramref name="data"/> bytes of the file.</summary>
    /// <exception cref="ArgumentException">More bytes than <see cref="FileLength"/> in total.</exception>
    /// <exception cref="InvalidOperationException">Already finished.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (data.Length > FileLength - _appended)
        {
            throw Error.TooLong(nameof(data), FileLength - _appended, data.Length);
        }

        _hash.AppendData(data);
        _appended += data.Length;
    }

    /// <summary>Returns the data hash.</summary>
    /// <exception cref="InvalidOperationException">Fewer than <see cref="FileLength"/> bytes were appended.</exception>
    public Hash32 Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_appended != FileLength)
        {
            throw new InvalidOperationException($"The data hash commits to {FileLength} bytes but only {_appended} were appended.");
        }

        Span<byte> digest = stackalloc byte[Hash32.Size];
        _hash.GetHashAndReset(digest);
        _finished = true;
        _hash.Dispose();
        return new Hash32(digest);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _finished = true;
        _hash.Dispose();
    }
}
