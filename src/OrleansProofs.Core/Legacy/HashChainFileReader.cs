// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// Streams a v1 <c>.hashchain</c> file: the header and the leaf table are read when the reader is
/// created; commitment records are then read one at a time (<see cref="TryReadNextRecord"/>), so
/// memory stays at the leaf table plus one record whatever the chain length. The footer is checked
/// when the records run out. Every malformation throws a <see cref="LegacyFormatException"/>
/// naming the field and its byte offset.
/// </summary>
/// <remarks>
/// Record/footer boundary: v1 records start with the f64 bits of a height ≥ 1, whose first byte is
/// 0x3F or above; the footer starts with a u64 file size, whose first byte is 0x00. The reader uses
/// that first byte to tell them apart, so trailing garbage after a valid footer is reported as such.
/// </remarks>
public sealed class HashChainFileReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Hash32[] _leaves;
    private long _position;
    private long _recordsRead;
    private bool _finished;
    private bool _faulted;

    /// <summary>
    /// Reads the header and leaf table from <paramref name="stream"/> (readable and seekable,
    /// positioned at the start of the file).
    /// </summary>
    /// <exception cref="ArgumentException">The stream cannot read or seek.</exception>
    /// <exception cref="LegacyFormatException">The header or leaf table is malformed.</exception>
    public HashChainFileReader(Stream stream, LegacyHeaderChecksumPolicy checksumPolicy = LegacyHeaderChecksumPolicy.Enforce, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw Error.Invalid(nameof(stream), "the stream must be readable and seekable (the footer position follows from the file length).");
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _position = stream.Position;
        if (_position != 0)
        {
            throw Error.Invalid(nameof(stream), $"the stream must be positioned at the start of the file; it is at {_position}.");
        }

        FileLength = stream.Length;

        Span<byte> header = stackalloc byte[LegacyFormat.HeaderSize];
        int headerBytes = (int)Math.Min(FileLength, LegacyFormat.HeaderSize);
        ReadExactly(header[..headerBytes]);
        Header = LegacyHashChainHeader.Parse(header[..headerBytes], checksumPolicy);

        long available = FileLength - _position;
        if (available < 4)
        {
            throw new LegacyFormatException(
                LegacyFormatError.TruncatedLeafTable,
                "node_count",
                LegacyFormat.NodeCountOffset,
                $"the file ends {available} byte(s) after the header; the u32 node count needs 4.",
                "4",
                available.ToString(CultureInfo.InvariantCulture));
        }

        Span<byte> countBytes = stackalloc byte[4];
        ReadExactly(countBytes);
        uint nodeCount = BinaryPrimitives.ReadUInt32BigEndian(countBytes);
        if (nodeCount != Header.TotalChunks)
        {
            throw new LegacyFormatException(
                LegacyFormatError.InvalidField,
                "node_count",
                LegacyFormat.NodeCountOffset,
                $"the leaf table must hold one leaf per chunk: total_chunks is {Header.TotalChunks}, node_count is {nodeCount}.",
                Header.TotalChunks.ToString(CultureInfo.InvariantCulture),
                nodeCount.ToString(CultureInfo.InvariantCulture));
        }

        long tableBytes = (long)nodeCount * Hash32.Size;
        if (FileLength - _position < tableBytes)
        {
            throw TruncatedArray(LegacyFormatError.TruncatedLeafTable, "leaf_hashes", Hash32.Size, _position);
        }

        _leaves = new Hash32[nodeCount];
        ReadExactly(MemoryMarshal.AsBytes(_leaves.AsSpan()));
        RecordsOffset = _position;
    }

    /// <summary>The file's path when opened with <see cref="Open"/>; null for a caller's stream.</summary>
    public string? Path { get; private init; }

    /// <summary>True until the first record (or the footer) has been read.</summary>
    public bool IsAtFirstRecord => _position == RecordsOffset && !_finished;

    /// <summary>The decoded header.</summary>
    public LegacyHashChainHeader Header { get; }

    /// <summary>The stored leaf hashes (SHA-256 of each unpadded chunk), in chunk order.</summary>
    public ReadOnlySpan<Hash32> Leaves => _leaves;

    /// <summary>Length of the file in bytes.</summary>
    public long FileLength { get; }

    /// <summary>Offset of the first commitment record (just after the leaf table).</summary>
    public long RecordsOffset { get; }

    /// <summary>Number of records read so far.</summary>
    public long RecordsRead => _recordsRead;

    /// <summary>The footer, once <see cref="TryReadNextRecord"/> has returned false; null before.</summary>
    public LegacyFooter? Footer { get; private set; }

    /// <summary>Opens and reads the header and leaf table of the file at <paramref name="path"/>.</summary>
    /// <exception cref="LegacyFormatException">The header or leaf table is malformed.</exception>
    public static HashChainFileReader Open(string path, LegacyHeaderChecksumPolicy checksumPolicy = LegacyHeaderChecksumPolicy.Enforce)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream stream = new(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.SequentialScan,
            BufferSize = 64 * 1024,
        });
        try
        {
            return new HashChainFileReader(stream, checksumPolicy, leaveOpen: false) { Path = path };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the next commitment record. Returns false once the footer is reached and valid
    /// (<see cref="Footer"/> is then set); every later call also returns false.
    /// </summary>
    /// <exception cref="LegacyFormatException">A truncated or malformed record, a missing or wrong footer, or trailing bytes.</exception>
    /// <exception cref="InvalidOperationException">An earlier call already threw; the position in the file is then undefined.</exception>
    public bool TryReadNextRecord([NotNullWhen(true)] out LegacyCommitmentRecord? record)
    {
        record = null;
        if (_finished)
        {
            return false;
        }

        if (_faulted)
        {
            throw new InvalidOperationException("A previous read failed; the records after a malformed one cannot be located.");
        }

        try
        {
            return TryReadRecordCore(out record);
        }
        catch (LegacyFormatException)
        {
            _faulted = true;
            throw;
        }
    }

    private bool TryReadRecordCore([NotNullWhen(true)] out LegacyCommitmentRecord? record)
    {
        record = null;

        long start = _position;
        long remaining = FileLength - start;
        if (remaining == 0)
        {
            throw new LegacyFormatException(
                LegacyFormatError.TruncatedFooter,
                "footer",
                start,
                "the file ends without its 12-byte footer.",
                LegacyFormat.FooterSize.ToString(CultureInfo.InvariantCulture),
                "0");
        }

        Span<byte> prefix = stackalloc byte[LegacyFormat.RecordPrefixSize];
        int prefixBytes = (int)Math.Min(remaining, LegacyFormat.RecordPrefixSize);
        ReadExactly(prefix[..prefixBytes]);

        if (prefix[0] == 0x00)
        {
            ReadFooter(start, remaining, prefix[..prefixBytes]);
            return false;
        }

        string name = $"record[{_recordsRead}]";
        if (prefixBytes < LegacyFormat.RecordPrefixSize)
        {
            (string field, int offset, int size) = prefixBytes switch
            {
                < 8 => ("block_height", 0, 8),
                < 40 => ("previous_commitment", 8, 32),
                < 72 => ("block_hash", 40, 32),
                _ => ("chunk_count", 72, 4),
            };
            throw TruncatedRecordField(name + "." + field, start + offset, size);
        }

        ulong heightBits = BinaryPrimitives.ReadUInt64BigEndian(prefix);
        Hash32 previous = new(prefix.Slice(8, Hash32.Size));
        Hash32 blockHash = new(prefix.Slice(40, Hash32.Size));
        uint indexCount = BinaryPrimitives.ReadUInt32BigEndian(prefix[72..]);
        CheckListLength(indexCount, name + ".chunk_count", start + 72);
        ImmutableArray<uint> indices = ReadIndices(indexCount, name + ".chunk_indices");

        long hashCountOffset = _position;
        if (FileLength - _position < 4)
        {
            throw TruncatedRecordField(name + ".hash_count", hashCountOffset, 4);
        }

        Span<byte> word = stackalloc byte[4];
        ReadExactly(word);
        uint hashCount = BinaryPrimitives.ReadUInt32BigEndian(word);
        CheckListLength(hashCount, name + ".hash_count", hashCountOffset);
        ImmutableArray<Hash32> hashes = ReadHashes(hashCount, name + ".chunk_hashes");

        if (FileLength - _position < Hash32.Size)
        {
            throw TruncatedRecordField(name + ".commitment_hash", _position, Hash32.Size);
        }

        Span<byte> commitment = stackalloc byte[Hash32.Size];
        ReadExactly(commitment);

        record = new LegacyCommitmentRecord(heightBits, previous, blockHash, indices, hashes, new Hash32(commitment))
        {
            Index = _recordsRead,
            Offset = start,
        };
        _recordsRead++;
        return true;
    }

    /// <summary>Reads the remaining records lazily; the footer is checked when the sequence ends.</summary>
    public IEnumerable<LegacyCommitmentRecord> ReadRecords()
    {
        while (TryReadNextRecord(out LegacyCommitmentRecord? record))
        {
            yield return record;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void ReadFooter(long start, long remaining, ReadOnlySpan<byte> prefix)
    {
        if (remaining < LegacyFormat.FooterSize)
        {
            throw new LegacyFormatException(
                LegacyFormatError.TruncatedFooter,
                "footer",
                start,
                $"the footer needs {LegacyFormat.FooterSize} bytes; the file ends after {remaining}.",
                LegacyFormat.FooterSize.ToString(CultureInfo.InvariantCulture),
                remaining.ToString(CultureInfo.InvariantCulture));
        }

        ulong declared = BinaryPrimitives.ReadUInt64BigEndian(prefix);
        uint crc = BinaryPrimitives.ReadUInt32BigEndian(prefix[8..]);
        ulong footerEnd = (ulong)(start + LegacyFormat.FooterSize);
        if (declared != footerEnd)
        {
            throw new LegacyFormatException(
                LegacyFormatError.FooterMismatch,
                "footer.total_size",
                start,
                $"the footer at {start} declares a file size of {declared}, but a footer there ends the file at {footerEnd} (actual file length {FileLength})"
                + (remaining > LegacyFormat.FooterSize ? "; if this is a record, its height is not the f64 of a height ≥ 1." : "."),
                footerEnd.ToString(CultureInfo.InvariantCulture),
                declared.ToString(CultureInfo.InvariantCulture));
        }

        if (crc != LegacyFormat.FooterFixedCrc)
        {
            throw new LegacyFormatException(
                LegacyFormatError.FooterMismatch,
                "footer.crc32",
                start + 8,
                $"v1 always wrote the fixed value 0x{LegacyFormat.FooterFixedCrc:x8}; found 0x{crc:x8}.",
                $"0x{LegacyFormat.FooterFixedCrc:x8}",
                $"0x{crc:x8}");
        }

        if (remaining > LegacyFormat.FooterSize)
        {
            long garbage = remaining - LegacyFormat.FooterSize;
            throw new LegacyFormatException(
                LegacyFormatError.TrailingGarbage,
                "end_of_file",
                (long)footerEnd,
                $"{garbage} byte(s) follow the footer that ends the file at {footerEnd}.",
                footerEnd.ToString(CultureInfo.InvariantCulture),
                FileLength.ToString(CultureInfo.InvariantCulture));
        }

        _position = (long)footerEnd;
        Footer = new LegacyFooter(declared, crc, start);
        _finished = true;
    }

    private static void CheckListLength(uint count, string field, long offset)
    {
        if (count > LegacyFormat.MaxChunks)
        {
            throw new LegacyFormatException(
                LegacyFormatError.InvalidField,
                field,
                offset,
                $"a record cannot list more than {LegacyFormat.MaxChunks} chunks; found {count}.",
                $"<= {LegacyFormat.MaxChunks}",
                count.ToString(CultureInfo.InvariantCulture));
        }
    }

    private ImmutableArray<uint> ReadIndices(uint count, string field)
    {
        if (FileLength - _position < 4L * count)
        {
            throw TruncatedArray(LegacyFormatError.TruncatedRecord, field, 4, _position);
        }

        uint[] values = new uint[count];
        Span<byte> word = stackalloc byte[4];
        for (int i = 0; i < values.Length; i++)
        {
            ReadExactly(word);
            values[i] = BinaryPrimitives.ReadUInt32BigEndian(word);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    private ImmutableArray<Hash32> ReadHashes(uint count, string field)
    {
        if (FileLength - _position < (long)Hash32.Size * count)
        {
            throw TruncatedArray(LegacyFormatError.TruncatedRecord, field, Hash32.Size, _position);
        }

        Hash32[] values = new Hash32[count];
        ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    private LegacyFormatException TruncatedRecordField(string field, long offset, int size)
    {
        long available = Math.Max(0, FileLength - offset);
        return new LegacyFormatException(
            LegacyFormatError.TruncatedRecord,
            field,
            offset,
            $"the field needs {size} byte(s) at {offset}; the file has {available} byte(s) from there (file length {FileLength}).",
            size.ToString(CultureInfo.InvariantCulture),
            available.ToString(CultureInfo.InvariantCulture));
    }

    private LegacyFormatException TruncatedArray(LegacyFormatError error, string field, int elementSize, long arrayOffset)
    {
        long available = FileLength - arrayOffset;
        long element = available / elementSize;
        long offset = arrayOffset + (element * elementSize);
        return new LegacyFormatException(
            error,
            $"{field}[{element}]",
            offset,
            $"the element needs {elementSize} byte(s) at {offset}; the file ends after {FileLength - offset} (file length {FileLength}).",
            elementSize.ToString(CultureInfo.InvariantCulture),
            (FileLength - offset).ToString(CultureInfo.InvariantCulture));
    }

    private void ReadExactly(Span<byte> destination)
    {
        _stream.ReadExactly(destination);
        _position += destination.Length;
    }
}
