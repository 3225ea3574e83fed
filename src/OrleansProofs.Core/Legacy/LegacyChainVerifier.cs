// SPDX-License-Identifier: MIT

using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// Re-verifies a v1 chain from public data only: the <c>.hashchain</c> file and its <c>.data</c> file.
/// Checks, in order: header checksum; data file size (<c>total_chunks × 4096</c>); SHA-256 of the
/// original data against <c>data_file_hash</c>; every stored leaf against the data's chunks; the v1
/// Merkle root over the data's chunks; the anchored commitment; then for every record its height,
/// its link to the previous commitment, its chunk count, its v1 selection recomputed from its block
/// hash, its chunk hashes against the data file and its commitment hash; finally the header's chain
/// length against the records found. Both files are streamed; memory is two leaf tables.
/// </summary>
public static class LegacyChainVerifier
{
    /// <summary>The default cap on failures kept in a report.</summary>
    public const int DefaultMaxFailures = 100;

    private const int ReadBlockChunks = 256;

    /// <summary>
    /// Verifies the chain in <paramref name="hashChainPath"/> against <paramref name="dataFilePath"/>.
    /// A file that cannot be parsed gives a report whose failure is <see cref="LegacyFailureKind.Format"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A path is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFailures"/> is below 1.</exception>
    /// <exception cref="IOException">A file cannot be opened or read.</exception>
    public static LegacyVerificationReport Verify(string hashChainPath, string dataFilePath, int maxFailures = DefaultMaxFailures)
    {
        ArgumentException.ThrowIfNullOrEmpty(hashChainPath);
        ArgumentException.ThrowIfNullOrEmpty(dataFilePath);
        ValidateCap(maxFailures);

        HashChainFileReader file;
        try
        {
            file = HashChainFileReader.Open(hashChainPath, LegacyHeaderChecksumPolicy.Report);
        }
        catch (LegacyFormatException e)
        {
            FailureCollector failures = new(maxFailures);
            failures.Add(FormatFailure(e, null, null));
            return failures.ToReport(0, 0, null, null);
        }

        using (file)
        {
            return Verify(file, dataFilePath, maxFailures);
        }
    }

    /// <summary>
    /// Verifies an opened chain file (positioned before its first record) against <paramref name="dataFilePath"/>,
    /// reading its records to the end. Open it with <see cref="LegacyHeaderChecksumPolicy.Report"/> to have a
    /// checksum mismatch reported with everything else rather than thrown.
    /// </summary>
    /// <exception cref="ArgumentException">The reader has already read records, or the path is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFailures"/> is below 1.</exception>
    /// <exception cref="IOException">The data file cannot be opened or read.</exception>
    public static LegacyVerificationReport Verify(HashChainFileReader file, string dataFilePath, int maxFailures = DefaultMaxFailures)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrEmpty(dataFilePath);
        ValidateCap(maxFailures);
        if (!file.IsAtFirstRecord)
        {
            throw Error.Invalid(nameof(file), "the reader must be positioned before its first record; open a new reader.");
        }

        LegacyHashChainHeader header = file.Header;
        FailureCollector failures = new(maxFailures);

        if (!header.IsChecksumValid)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.HeaderChecksum,
                "header_checksum",
                header.ComputedChecksum.ToString(),
                header.StoredChecksum.ToString(),
                Offset: LegacyFormat.Offsets.HeaderChecksum,
                Detail: "expected is SHA-256 of header bytes 0..224; actual is the stored checksum"));
        }

        DataScan? data = ScanDataFile(dataFilePath, file, failures);
        Hash32 anchor = LegacyCommitments.Anchored(header.DataFileHash, header.PublicKey.AsHash32(), header.InitialBlockHash, header.InitialBlockHeight);
        if (anchor != header.AnchoredCommitment)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.AnchoredCommitment,
                "anchored_commitment",
                anchor.ToString(),
                header.AnchoredCommitment.ToString(),
                Offset: LegacyFormat.Offsets.AnchoredCommitment,
                Detail: $"SHA-256(SHA-256(data_file_hash ‖ public_key) ‖ initial_block_hash ‖ be64({header.InitialBlockHeight})), initial height stored as {header.InitialBlockHeightEncoding}"));
        }

        bool anchored = failures.Total == 0;
        LegacyChainTip tip = new(header.InitialBlockHeight, header.InitialBlockHash, header.AnchoredCommitment, null);
        long verified = 0;
        bool prefixIntact = anchored;
        Hash32 expectedPrevious = header.AnchoredCommitment;
        Span<uint> selection = stackalloc uint[LegacyFormat.ChunksPerBlock];
        bool formatError = false;

        try
        {
            while (file.TryReadNextRecord(out LegacyCommitmentRecord? record))
            {
                long before = failures.Total;
                ulong expectedHeight = checked(header.InitialBlockHeight + (ulong)record.Index + 1);
                VerifyRecord(record, expectedHeight, expectedPrevious, header.TotalChunks, data, selection, failures);
                if (prefixIntact && failures.Total == before)
                {
                    verified++;
                    tip = new LegacyChainTip(expectedHeight, record.BlockHash, record.CommitmentHash, record.Index);
                }
                else
                {
                    prefixIntact = false;
                }

                expectedPrevious = record.CommitmentHash;
            }
        }
        catch (LegacyFormatException e)
        {
            formatError = true;
            bool inRecord = e.Field.StartsWith("record[", StringComparison.Ordinal);
            failures.Add(FormatFailure(
                e,
                inRecord ? file.RecordsRead : null,
                inRecord ? header.InitialBlockHeight + (ulong)file.RecordsRead + 1 : null));
        }

        if (!formatError && header.ChainLength != file.RecordsRead)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.ChainLength,
                "chain_length",
                file.RecordsRead.ToString(CultureInfo.InvariantCulture),
                header.ChainLength.ToString(CultureInfo.InvariantCulture),
                Offset: LegacyFormat.Offsets.ChainLength,
                Detail: "expected is the number of records in the file; actual is the header's chain_length"));
        }

        LegacyImportBasis? basis = null;
        if (failures.Total == 0 && data is not null)
        {
            basis = new LegacyImportBasis(
                file.Path,
                Path.GetFullPath(dataFilePath),
                data.FileLength,
                data.OriginalLength,
                header.TotalChunks,
                header.DataFileHash,
                header.MerkleRoot,
                header.PublicKey,
                header.InitialBlockHeight,
                header.InitialBlockHash,
                header.AnchoredCommitment,
                verified,
                tip);
        }

        return failures.ToReport(file.RecordsRead, anchored ? verified : 0, anchored ? tip : null, basis);
    }

    private static void VerifyRecord(
        LegacyCommitmentRecord record,
        ulong expectedHeight,
        Hash32 expectedPrevious,
        ulong totalChunks,
        DataScan? data,
        Span<uint> selection,
        FailureCollector failures)
    {
        string name = $"record[{record.Index}]";
        long index = record.Index;

        if (!record.TryGetIntegralHeight(out ulong height) || height != expectedHeight)
        {
            string actual = record.TryGetIntegralHeight(out ulong h)
                ? h.ToString(CultureInfo.InvariantCulture)
                : $"{record.BlockHeight.ToString("R", CultureInfo.InvariantCulture)} (f64 bits 0x{record.BlockHeightBits:x16}, not an exact integer height)";
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.Height,
                name + ".block_height",
                expectedHeight.ToString(CultureInfo.InvariantCulture),
                actual,
                index,
                expectedHeight,
                record.Offset));
        }

        if (record.PreviousCommitment != expectedPrevious)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.PreviousCommitment,
                name + ".previous_commitment",
                expectedPrevious.ToString(),
                record.PreviousCommitment.ToString(),
                index,
                expectedHeight,
                record.Offset + 8,
                Detail: index == 0 ? "the first record must link to the anchored commitment" : "must equal the previous record's commitment_hash"));
        }

        ImmutableArray<uint> indices = record.ChunkIndices;
        ImmutableArray<Hash32> hashes = record.ChunkHashes;
        long indicesOffset = record.Offset + LegacyFormat.RecordPrefixSize;
        long hashCountOffset = indicesOffset + (4L * indices.Length);
        long hashesOffset = hashCountOffset + 4;
        if (indices.Length != LegacyFormat.ChunksPerBlock)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.ChunkCount,
                name + ".chunk_count",
                LegacyFormat.ChunksPerBlock.ToString(CultureInfo.InvariantCulture),
                indices.Length.ToString(CultureInfo.InvariantCulture),
                index,
                expectedHeight,
                record.Offset + 72));
        }

        if (hashes.Length != indices.Length)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.ChunkCount,
                name + ".hash_count",
                indices.Length.ToString(CultureInfo.InvariantCulture),
                hashes.Length.ToString(CultureInfo.InvariantCulture),
                index,
                expectedHeight,
                hashCountOffset,
                Detail: "one chunk hash per selected index"));
        }

        if (totalChunks < LegacyFormat.MinimumSelectableChunks)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.Selection,
                name + ".chunk_indices",
                "no records",
                FormatIndices(indices.AsSpan()),
                index,
                expectedHeight,
                indicesOffset,
                Detail: $"v1 selection needs at least {LegacyFormat.MinimumSelectableChunks} chunks; a {totalChunks}-chunk chain cannot have commitments"));
        }
        else if (indices.Length == LegacyFormat.ChunksPerBlock)
        {
            LegacyChunkSelection.Select(record.BlockHash, totalChunks, selection);
            if (!selection.SequenceEqual(indices.AsSpan()))
            {
                failures.Add(new LegacyVerificationFailure(
                    LegacyFailureKind.Selection,
                    name + ".chunk_indices",
                    FormatIndices(selection),
                    FormatIndices(indices.AsSpan()),
                    index,
                    expectedHeight,
                    indicesOffset,
                    Detail: "v1 selection from the record's block_hash and total_chunks, compared in selection order"));
            }
        }

        int pairs = Math.Min(indices.Length, hashes.Length);
        for (int j = 0; j < pairs; j++)
        {
            uint chunk = indices[j];
            if (chunk >= totalChunks)
            {
                failures.Add(new LegacyVerificationFailure(
                    LegacyFailureKind.Selection,
                    $"{name}.chunk_indices[{j}]",
                    $"< {totalChunks}",
                    chunk.ToString(CultureInfo.InvariantCulture),
                    index,
                    expectedHeight,
                    indicesOffset + (4L * j),
                    Detail: "chunk index out of range"));
            }
            else if (data is not null)
            {
                Hash32 expected = data.ChunkHash(chunk);
                if (hashes[j] != expected)
                {
                    failures.Add(new LegacyVerificationFailure(
                        LegacyFailureKind.ChunkHash,
                        $"{name}.chunk_hashes[{j}]",
                        expected.ToString(),
                        hashes[j].ToString(),
                        index,
                        expectedHeight,
                        hashesOffset + ((long)Hash32.Size * j),
                        Detail: $"SHA-256 of chunk {chunk} of the data file, read as 4096 zero-padded bytes"));
                }
            }
        }

        Hash32 commitment = LegacyCommitments.PhysicalAccess(record.PreviousCommitment, record.BlockHash, indices.AsSpan(), hashes.AsSpan());
        if (commitment != record.CommitmentHash)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.CommitmentHash,
                name + ".commitment_hash",
                commitment.ToString(),
                record.CommitmentHash.ToString(),
                index,
                expectedHeight,
                record.Offset + record.EncodedSize - Hash32.Size,
                Detail: "SHA-256(prev ‖ block_hash ‖ be32 indices ‖ chunk hashes) of the record's own fields"));
        }
    }

    /// <summary>
    /// Streams the data file once: leaf per chunk (the last unpadded), SHA-256 of the original data,
    /// and the padded hash of the last chunk. Reports size, data hash, leaf and root mismatches.
    /// Returns null when the size is wrong (no data-derived check is then meaningful).
    /// </summary>
    private static DataScan? ScanDataFile(string dataFilePath, HashChainFileReader file, FailureCollector failures)
    {
        LegacyHashChainHeader header = file.Header;
        int chunkCount = checked((int)header.TotalChunks);
        long expectedLength = (long)chunkCount * LegacyFormat.ChunkSize;

        using FileStream stream = new(dataFilePath, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.SequentialScan,
            BufferSize = 0,
        });
        long length = stream.Length;
        if (length != expectedLength)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.DataFileSize,
                "data_file.length",
                expectedLength.ToString(CultureInfo.InvariantCulture),
                length.ToString(CultureInfo.InvariantCulture),
                Detail: $"a v1 .data file is total_chunks ({chunkCount}) × 4096 bytes, zero-padded; data checks were skipped"));
            return null;
        }

        Hash32[] leaves = new Hash32[chunkCount];
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadBlockChunks * LegacyFormat.ChunkSize);
        using IncrementalHash dataHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Hash32 paddedLast;
        long originalLength;
        try
        {
            int chunk = 0;
            while (chunk < chunkCount - 1)
            {
                int count = Math.Min(ReadBlockChunks, chunkCount - 1 - chunk);
                Span<byte> block = buffer.AsSpan(0, count * LegacyFormat.ChunkSize);
                stream.ReadExactly(block);
                dataHash.AppendData(block);
                for (int i = 0; i < count; i++)
                {
                    leaves[chunk + i] = Sha256.Hash(block.Slice(i * LegacyFormat.ChunkSize, LegacyFormat.ChunkSize));
                }

                chunk += count;
            }

            Span<byte> last = buffer.AsSpan(0, LegacyFormat.ChunkSize);
            stream.ReadExactly(last);
            paddedLast = Sha256.Hash(last);
            int lastLength = LastChunkLength(last, file.Leaves[chunkCount - 1], header.DataFileHash, dataHash);
            leaves[chunkCount - 1] = Sha256.Hash(last[..lastLength]);
            dataHash.AppendData(last[..lastLength]);
            originalLength = expectedLength - LegacyFormat.ChunkSize + lastLength;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Hash32 computedDataHash = new(dataHash.GetHashAndReset());
        if (computedDataHash != header.DataFileHash)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.DataHash,
                "data_file_hash",
                computedDataHash.ToString(),
                header.DataFileHash.ToString(),
                Offset: LegacyFormat.Offsets.DataFileHash,
                Detail: $"expected is SHA-256 of the data file's first {originalLength} bytes (the last chunk's zero padding removed); actual is the header value"));
        }

        ReadOnlySpan<Hash32> stored = file.Leaves;
        for (int i = 0; i < chunkCount; i++)
        {
            if (stored[i] != leaves[i])
            {
                failures.Add(new LegacyVerificationFailure(
                    LegacyFailureKind.LeafHash,
                    $"leaf_hashes[{i}]",
                    leaves[i].ToString(),
                    stored[i].ToString(),
                    Offset: LegacyFormat.LeafTableOffset + ((long)Hash32.Size * i),
                    Detail: i == chunkCount - 1 ? "SHA-256 of the last chunk without its zero padding" : $"SHA-256 of chunk {i} of the data file"));
            }
        }

        Hash32 root = LegacyMerkle.ComputeRoot(leaves);
        if (root != header.MerkleRoot)
        {
            failures.Add(new LegacyVerificationFailure(
                LegacyFailureKind.MerkleRoot,
                "merkle_root",
                root.ToString(),
                header.MerkleRoot.ToString(),
                Offset: LegacyFormat.Offsets.MerkleRoot,
                Detail: "v1 (rs_merkle SHA-256, odd node promoted) root over the data file's chunk hashes"));
        }

        return new DataScan(leaves, paddedLast, length, originalLength);
    }

    /// <summary>
    /// The unpadded length of the last chunk. The padded .data file does not record it, so it is
    /// the length (at least the last non-zero byte) whose prefix hashes to the header's data hash,
    /// else to the stored last leaf, else the length with all trailing zeros removed.
    /// </summary>
    private static int LastChunkLength(ReadOnlySpan<byte> last, Hash32 storedLeaf, Hash32 dataFileHash, IncrementalHash prefixHash)
    {
        int minimum = Math.Max(1, last.LastIndexOfAnyExcept((byte)0) + 1);
        int byLeaf = -1;
        Span<byte> digest = stackalloc byte[Hash32.Size];
        for (int length = minimum; length <= last.Length; length++)
        {
            using IncrementalHash candidate = prefixHash.Clone();
            candidate.AppendData(last[..length]);
            candidate.GetHashAndReset(digest);
            if (digest.SequenceEqual(dataFileHash.Bytes))
            {
                return length;
            }

            if (byLeaf < 0 && Sha256.Hash(last[..length]) == storedLeaf)
            {
                byLeaf = length;
            }
        }

        return byLeaf > 0 ? byLeaf : minimum;
    }

    private static LegacyVerificationFailure FormatFailure(LegacyFormatException e, long? recordIndex, ulong? height) =>
        new(
            LegacyFailureKind.Format,
            e.Field,
            e.Expected ?? "a well-formed field",
            e.Actual ?? "malformed",
            recordIndex,
            height,
            e.Offset,
            e.Error,
            e.Detail);

    private static string FormatIndices(ReadOnlySpan<uint> indices) => "[" + string.Join(", ", indices.ToArray()) + "]";

    private static void ValidateCap(int maxFailures)
    {
        if (maxFailures < 1)
        {
            throw Error.OutOfRange(nameof(maxFailures), maxFailures, "must be at least 1");
        }
    }

    private sealed class DataScan(Hash32[] leaves, Hash32 paddedLast, long fileLength, long originalLength)
    {
        public long FileLength => fileLength;

        public long OriginalLength => originalLength;

        /// <summary>SHA-256 of chunk <paramref name="index"/> read as 4,096 zero-padded bytes (what v1 records hash).</summary>
        public Hash32 ChunkHash(uint index) => index == leaves.Length - 1 ? paddedLast : leaves[index];
    }

    private sealed class FailureCollector(int cap)
    {
        private readonly List<LegacyVerificationFailure> _failures = [];

        public long Total { get; private set; }

        public void Add(LegacyVerificationFailure failure)
        {
            Total++;
            if (_failures.Count < cap)
            {
                _failures.Add(failure);
            }
        }

        public LegacyVerificationReport ToReport(long recordsRead, long verified, LegacyChainTip? tip, LegacyImportBasis? basis) =>
            new(_failures.AsReadOnly(), Total, recordsRead, verified, tip, basis);
    }
}
