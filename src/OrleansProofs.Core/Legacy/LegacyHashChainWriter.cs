// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// <b>Test and fixture tool.</b> Builds v1 <c>.hashchain</c> and <c>.data</c> files byte-for-byte as
/// the earlier prototype wrote them, so tests (and import tests later) can construct valid files of
/// any size, either initial-height encoding, and — through <see cref="AppendRecord"/> and
/// <see cref="RehashHeader"/> — precisely damaged ones. Holds everything in memory; the service
/// never writes v1 files, it only reads them (<see cref="HashChainFileReader"/>).
/// </summary>
public sealed class LegacyHashChainWriter
{
    /// <summary>The data path string hashed into <c>data_file_path_hash</c> when none is given.</summary>
    public const string DefaultDataFilePath = "legacy.data";

    private readonly byte[] _original;
    private readonly Hash32[] _leaves;
    private readonly List<LegacyCommitmentRecord> _records = [];

    /// <summary>
    /// Starts a v1 chain over <paramref name="originalData"/> (the unpadded bytes) for
    /// <paramref name="publicKey"/>, anchored at (<paramref name="initialBlockHeight"/>,
    /// <paramref name="initialBlockHash"/>), with the initial height stored as <paramref name="heightEncoding"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="originalData"/> is empty or over 1,048,576 chunks.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialBlockHeight"/> is 2^53 or more.</exception>
    public LegacyHashChainWriter(
        ReadOnlySpan<byte> originalData,
        ProverPublicKey publicKey,
        ulong initialBlockHeight,
        Hash32 initialBlockHash,
        LegacyHeightEncoding heightEncoding = LegacyHeightEncoding.UInt64,
        string dataFilePath = DefaultDataFilePath)
    {
        if (originalData.IsEmpty)
        {
            throw Error.TooShort(nameof(originalData), 1, 0);
        }

        if ((ulong)originalData.Length > LegacyFormat.MaxChunks * LegacyFormat.ChunkSize)
        {
            throw Error.TooLong(nameof(originalData), (long)(LegacyFormat.MaxChunks * LegacyFormat.ChunkSize), originalData.Length);
        }

        if (initialBlockHeight >= LegacyFormat.UInt64HeightBound)
        {
            throw Error.OutOfRange(nameof(initialBlockHeight), initialBlockHeight, "must be below 2^53 (v1 heights were JavaScript numbers)");
        }

        ArgumentNullException.ThrowIfNull(dataFilePath);

        _original = originalData.ToArray();
        int chunks = (_original.Length + LegacyFormat.ChunkSize - 1) / LegacyFormat.ChunkSize;
        _leaves = new Hash32[chunks];
        for (int i = 0; i < chunks; i++)
        {
            int start = i * LegacyFormat.ChunkSize;
            _leaves[i] = Sha256.Hash(_original.AsSpan(start, Math.Min(LegacyFormat.ChunkSize, _original.Length - start)));
        }

        PublicKey = publicKey;
        InitialBlockHeight = initialBlockHeight;
        InitialBlockHash = initialBlockHash;
        HeightEncoding = heightEncoding;
        DataHash = Sha256.Hash(_original);
        MerkleRoot = LegacyMerkle.ComputeRoot(_leaves);
        DataFilePathHash = Sha256.Hash(System.Text.Encoding.UTF8.GetBytes(dataFilePath));
        AnchoredCommitment = LegacyCommitments.Anchored(DataHash, publicKey.AsHash32(), initialBlockHash, initialBlockHeight);
    }

    /// <summary>The prover key written to the header.</summary>
    public ProverPublicKey PublicKey { get; }

    /// <summary>The anchor height.</summary>
    public ulong InitialBlockHeight { get; }

    /// <summary>The anchor block hash.</summary>
    public Hash32 InitialBlockHash { get; }

    /// <summary>How the initial height is stored at offset 184.</summary>
    public LegacyHeightEncoding HeightEncoding { get; }

    /// <summary>Number of 4,096-byte chunks.</summary>
    public ulong TotalChunks => (ulong)_leaves.Length;

    /// <summary>Length of the original data.</summary>
    public long OriginalLength => _original.Length;

    /// <summary>SHA-256 of the original data (v1 <c>data_file_hash</c>).</summary>
    public Hash32 DataHash { get; }

    /// <summary>The v1 Merkle root.</summary>
    public Hash32 MerkleRoot { get; }

    /// <summary>SHA-256 of the data path string.</summary>
    public Hash32 DataFilePathHash { get; }

    /// <summary>The v1 anchored commitment.</summary>
    public Hash32 AnchoredCommitment { get; }

    /// <summary>The leaf hashes: SHA-256 of each unpadded chunk.</summary>
    public ReadOnlySpan<Hash32> Leaves => _leaves;

    /// <summary>The records appended so far.</summary>
    public IReadOnlyList<LegacyCommitmentRecord> Records => _records;

    /// <summary>The latest commitment: the last record's, or the anchored commitment.</summary>
    public Hash32 HeadCommitment => _records.Count > 0 ? _records[^1].CommitmentHash : AnchoredCommitment;

    /// <summary>The height the next <see cref="AppendBlock"/> record gets.</summary>
    public ulong NextHeight => InitialBlockHeight + (ulong)_records.Count + 1;

    /// <summary>
    /// Appends the record v1 wrote for a new block: v1 selection from <paramref name="blockHash"/>,
    /// SHA-256 of each selected chunk read as 4,096 zero-padded bytes, and the physical-access commitment
    /// linked to <see cref="HeadCommitment"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file has fewer than 4 chunks (v1 refused blocks for such files).</exception>
    public LegacyCommitmentRecord AppendBlock(Hash32 blockHash)
    {
        if (TotalChunks < LegacyFormat.MinimumSelectableChunks)
        {
            throw new InvalidOperationException($"v1 chunk selection needs at least {LegacyFormat.MinimumSelectableChunks} chunks; this file has {TotalChunks}, so it cannot take blocks.");
        }

        uint[] indices = LegacyChunkSelection.Select(blockHash, TotalChunks);
        Hash32[] hashes = new Hash32[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            hashes[i] = PaddedChunkHash(indices[i]);
        }

        Hash32 previous = HeadCommitment;
        LegacyCommitmentRecord record = new(
            LegacyCommitmentRecord.EncodeHeight(NextHeight),
            previous,
            blockHash,
            [.. indices],
            [.. hashes],
            LegacyCommitments.PhysicalAccess(previous, blockHash, indices, hashes));
        _records.Add(record);
        return record;
    }

    /// <summary>Appends <paramref name="record"/> exactly as given (for building damaged or unusual files).</summary>
    public void AppendRecord(LegacyCommitmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records.Add(record);
    }

    /// <summary>SHA-256 of chunk <paramref name="index"/> read as 4,096 bytes, the last chunk zero-padded (what v1 records hold).</summary>
    public Hash32 PaddedChunkHash(uint index)
    {
        if (index >= TotalChunks)
        {
            throw Error.OutOfRange(nameof(index), index, $"must be below the chunk count {TotalChunks}");
        }

        Span<byte> chunk = stackalloc byte[LegacyFormat.ChunkSize];
        chunk.Clear();
        int start = checked((int)index * LegacyFormat.ChunkSize);
        _original.AsSpan(start, Math.Min(LegacyFormat.ChunkSize, _original.Length - start)).CopyTo(chunk);
        return Sha256.Hash(chunk);
    }

    /// <summary>Byte offset of record <paramref name="index"/> in <see cref="BuildHashChainFile"/>'s output.</summary>
    public long RecordOffset(int index)
    {
        if ((uint)index >= (uint)_records.Count)
        {
            throw Error.OutOfRange(nameof(index), index, $"must be below the record count {_records.Count}");
        }

        long offset = LegacyFormat.LeafTableOffset + ((long)Hash32.Size * _leaves.Length);
        for (int i = 0; i < index; i++)
        {
            offset += _records[i].EncodedSize;
        }

        return offset;
    }

    /// <summary>The <c>.data</c> file: the original data zero-padded to whole chunks.</summary>
    public byte[] BuildDataFile()
    {
        byte[] data = new byte[_leaves.Length * LegacyFormat.ChunkSize];
        _original.CopyTo(data, 0);
        return data;
    }

    /// <summary>
    /// The <c>.hashchain</c> file: header (chain_length = number of records, checksum over bytes 0..224),
    /// node count, leaf table, records, footer (total size, fixed CRC value 0xDEADBEEF).
    /// </summary>
    public byte[] BuildHashChainFile()
    {
        long size = LegacyFormat.LeafTableOffset + ((long)Hash32.Size * _leaves.Length) + LegacyFormat.FooterSize;
        foreach (LegacyCommitmentRecord record in _records)
        {
            size += record.EncodedSize;
        }

        byte[] file = new byte[checked((int)size)];
        Span<byte> span = file;
        LegacyFormat.Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt32BigEndian(span[LegacyFormat.Offsets.FormatVersion..], LegacyFormat.FormatVersion);
        DataHash.CopyTo(span[LegacyFormat.Offsets.DataFileHash..]);
        MerkleRoot.CopyTo(span[LegacyFormat.Offsets.MerkleRoot..]);
        BinaryPrimitives.WriteUInt64BigEndian(span[LegacyFormat.Offsets.TotalChunks..], TotalChunks);
        BinaryPrimitives.WriteUInt32BigEndian(span[LegacyFormat.Offsets.ChunkSize..], LegacyFormat.ChunkSize);
        DataFilePathHash.CopyTo(span[LegacyFormat.Offsets.DataFilePathHash..]);
        AnchoredCommitment.CopyTo(span[LegacyFormat.Offsets.AnchoredCommitment..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[LegacyFormat.Offsets.ChainLength..], checked((uint)_records.Count));
        PublicKey.AsHash32().CopyTo(span[LegacyFormat.Offsets.PublicKey..]);
        ulong heightField = HeightEncoding == LegacyHeightEncoding.Float64
            ? BitConverter.DoubleToUInt64Bits(InitialBlockHeight)
            : InitialBlockHeight;
        BinaryPrimitives.WriteUInt64BigEndian(span[LegacyFormat.Offsets.InitialBlockHeight..], heightField);
        InitialBlockHash.CopyTo(span[LegacyFormat.Offsets.InitialBlockHash..]);
        RehashHeader(span);

        BinaryPrimitives.WriteUInt32BigEndian(span[LegacyFormat.NodeCountOffset..], (uint)_leaves.Length);
        int position = LegacyFormat.LeafTableOffset;
        foreach (Hash32 leaf in _leaves)
        {
            leaf.CopyTo(span[position..]);
            position += Hash32.Size;
        }

        foreach (LegacyCommitmentRecord record in _records)
        {
            int length = (int)record.EncodedSize;
            record.WriteTo(span.Slice(position, length));
            position += length;
        }

        BinaryPrimitives.WriteUInt64BigEndian(span[position..], (ulong)size);
        BinaryPrimitives.WriteUInt32BigEndian(span[(position + 8)..], LegacyFormat.FooterFixedCrc);
        return file;
    }

    /// <summary>Writes both files.</summary>
    public void WriteFiles(string hashChainPath, string dataFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(hashChainPath);
        ArgumentException.ThrowIfNullOrEmpty(dataFilePath);
        File.WriteAllBytes(dataFilePath, BuildDataFile());
        File.WriteAllBytes(hashChainPath, BuildHashChainFile());
    }

    /// <summary>
    /// Recomputes the header checksum of <paramref name="file"/> in place (SHA-256 of bytes 0..224 into
    /// 224..256), as v1 did after every append. Lets a test change a header field and keep the checksum valid.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="file"/> is shorter than the 256-byte header.</exception>
    public static void RehashHeader(Span<byte> file)
    {
        if (file.Length < LegacyFormat.HeaderSize)
        {
            throw Error.TooShort(nameof(file), LegacyFormat.HeaderSize, file.Length);
        }

        Sha256.Hash(file[..LegacyFormat.HeaderFieldsSize], file.Slice(LegacyFormat.Offsets.HeaderChecksum, Hash32.Size));
    }
}
