// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Core.Tests.Legacy;

/// <summary>
/// Verifies the v1 <c>.hashchain</c> parser: every header field at its documented offset, both
/// initial-height encodings, streamed records and footer, and a precise <see cref="LegacyFormatException"/>
/// (kind, field, offset) for each kind of damage.
/// </summary>
public sealed class HashChainFileReaderTests
{
    private static HashChainFileReader Read(byte[] file, LegacyHeaderChecksumPolicy policy = LegacyHeaderChecksumPolicy.Enforce) =>
        new(new MemoryStream(file, writable: false), policy);

    private static LegacyFormatException ParseFails(byte[] file)
    {
        return Assert.Throws<LegacyFormatException>(() =>
        {
            using HashChainFileReader reader = Read(file);
            while (reader.TryReadNextRecord(out _))
            {
            }
        });
    }

    [Fact]
    public void ValidFile_ParsesEveryField()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(5 * 4096 - 100, 3);
        byte[] file = writer.BuildHashChainFile();
        using HashChainFileReader reader = Read(file);

        LegacyHashChainHeader h = reader.Header;
        Assert.Equal(1u, h.FormatVersion);
        Assert.Equal(new Hash32(SHA256.HashData(LegacyFixtures.Data(5 * 4096 - 100))), h.DataFileHash);
        Assert.Equal(writer.MerkleRoot, h.MerkleRoot);
        Assert.Equal(5UL, h.TotalChunks);
        Assert.Equal(4096u, h.ChunkSize);
        Assert.Equal(new Hash32(SHA256.HashData("legacy.data"u8)), h.DataFilePathHash);
        Assert.Equal(writer.AnchoredCommitment, h.AnchoredCommitment);
        Assert.Equal(3u, h.ChainLength);
        Assert.Equal(LegacyFixtures.Key, h.PublicKey);
        Assert.Equal(LegacyFixtures.InitialHeight, h.InitialBlockHeight);
        Assert.Equal(LegacyHeightEncoding.UInt64, h.InitialBlockHeightEncoding);
        Assert.Equal(LegacyFixtures.InitialHash, h.InitialBlockHash);
        Assert.True(h.IsChecksumValid);
        Assert.Equal(new Hash32(SHA256.HashData(file.AsSpan(0, 224))), h.StoredChecksum);
        Assert.Equal(writer.Leaves.ToArray(), reader.Leaves.ToArray());
        Assert.Equal(260 + (5 * 32), reader.RecordsOffset);

        LegacyCommitmentRecord[] records = [.. reader.ReadRecords()];
        Assert.Equal(3, records.Length);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(writer.Records[i].CommitmentHash, records[i].CommitmentHash);
            Assert.Equal(writer.Records[i].ChunkIndices.ToArray(), records[i].ChunkIndices.ToArray());
            Assert.Equal(writer.Records[i].ChunkHashes.ToArray(), records[i].ChunkHashes.ToArray());
            Assert.Equal(writer.Records[i] with { Index = i, Offset = writer.RecordOffset(i) }, records[i]);
            Assert.Equal(12346.0 + i, records[i].BlockHeight);
            Assert.Equal(i, records[i].Index);
            Assert.Equal(writer.RecordOffset(i), records[i].Offset);
        }

        Assert.Equal(new LegacyFooter((ulong)file.Length, 0xDEADBEEF, file.Length - 12), reader.Footer);
        Assert.False(reader.TryReadNextRecord(out _));
    }

    [Fact]
    public void InitialHeight_BothHistoricalEncodings_DecodeToTheSameHeight()
    {
        byte[] asU64 = LegacyFixtures.Chain(4 * 4096, 0, LegacyHeightEncoding.UInt64).BuildHashChainFile();
        byte[] asF64 = LegacyFixtures.Chain(4 * 4096, 0, LegacyHeightEncoding.Float64).BuildHashChainFile();

        // The notes' two sample files: u64 12345 and the f64 bits of 12345.0.
        Assert.Equal("0000000000003039", Convert.ToHexStringLower(asU64.AsSpan(184, 8)));
        Assert.Equal("40c81c8000000000", Convert.ToHexStringLower(asF64.AsSpan(184, 8)));

        using HashChainFileReader u = Read(asU64);
        using HashChainFileReader f = Read(asF64);
        Assert.Equal(12345UL, u.Header.InitialBlockHeight);
        Assert.Equal(12345UL, f.Header.InitialBlockHeight);
        Assert.Equal(LegacyHeightEncoding.UInt64, u.Header.InitialBlockHeightEncoding);
        Assert.Equal(LegacyHeightEncoding.Float64, f.Header.InitialBlockHeightEncoding);
        Assert.Equal(0x40c81c8000000000UL, f.Header.InitialBlockHeightRaw);
    }

    [Theory]
    [InlineData(0UL, true, 0UL, LegacyHeightEncoding.UInt64)]
    [InlineData((1UL << 53) - 1, true, (1UL << 53) - 1, LegacyHeightEncoding.UInt64)]
    [InlineData(0x3FF0000000000000UL, true, 1UL, LegacyHeightEncoding.Float64)]
    [InlineData(0x3FF8000000000000UL, false, 0UL, LegacyHeightEncoding.Float64)] // 1.5
    [InlineData(0x7FF8000000000000UL, false, 0UL, LegacyHeightEncoding.Float64)] // NaN
    [InlineData(0xC0C81C8000000000UL, false, 0UL, LegacyHeightEncoding.Float64)] // -12345.0
    [InlineData(0x4350000000000000UL, false, 0UL, LegacyHeightEncoding.Float64)] // 2^54
    public void TryDecodeInitialHeight_SplitsTheRangesWithoutOverlap(ulong raw, bool ok, ulong height, LegacyHeightEncoding encoding)
    {
        Assert.Equal(ok, LegacyHashChainHeader.TryDecodeInitialHeight(raw, out ulong decoded, out LegacyHeightEncoding used));
        Assert.Equal(encoding, used);
        if (ok)
        {
            Assert.Equal(height, decoded);
        }
    }

    [Fact]
    public void InitialHeight_NonIntegralDouble_IsInvalidField()
    {
        byte[] file = LegacyFixtures.Chain(4 * 4096, 0).BuildHashChainFile();
        BinaryPrimitives.WriteUInt64BigEndian(file.AsSpan(184), BitConverter.DoubleToUInt64Bits(12345.5));
        LegacyHashChainWriter.RehashHeader(file);
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.InvalidField, "initial_block_height", 184L), (e.Error, e.Field, e.Offset));
    }

    [Fact]
    public void WrongMagic_NamesMagicAtZero()
    {
        byte[] file = LegacyFixtures.Chain(4096, 0).BuildHashChainFile();
        "HCHX"u8.CopyTo(file);
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.WrongMagic, "magic", 0L), (e.Error, e.Field, e.Offset));
        Assert.Equal("4843484e", e.Expected);
        Assert.Equal("48434858", e.Actual);
    }

    [Fact]
    public void JsonHeaderOfLaterFormat_IsWrongMagicWithAHint()
    {
        byte[] file = """{"magic":"48434832","format_version":2}"""u8.ToArray();
        LegacyFormatException e = ParseFails(file);
        Assert.Equal(LegacyFormatError.WrongMagic, e.Error);
        Assert.Contains("JSON header of format 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedVersion_NamesFormatVersionAtFour()
    {
        byte[] file = LegacyFixtures.Chain(4096, 0).BuildHashChainFile();
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(4), 2);
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.UnsupportedVersion, "format_version", 4L, "1", "2"), (e.Error, e.Field, e.Offset, e.Expected, e.Actual));
    }

    [Fact]
    public void HeaderChecksumMismatch_EnforceThrows_ReportExposesBoth()
    {
        byte[] file = LegacyFixtures.Chain(4096, 0).BuildHashChainFile();
        file[150] ^= 0x01; // chain_length changed without re-hashing the header
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.HeaderChecksumMismatch, "header_checksum", 224L), (e.Error, e.Field, e.Offset));

        using HashChainFileReader reader = Read(file, LegacyHeaderChecksumPolicy.Report);
        Assert.False(reader.Header.IsChecksumValid);
        Assert.Equal(new Hash32(file.AsSpan(224, 32)), reader.Header.StoredChecksum);
        Assert.Equal(new Hash32(SHA256.HashData(file.AsSpan(0, 224))), reader.Header.ComputedChecksum);
    }

    [Theory]
    [InlineData(0, "magic", 0)]
    [InlineData(3, "magic", 0)]
    [InlineData(6, "format_version", 4)]
    [InlineData(100, "data_file_path_hash", 84)]
    [InlineData(190, "initial_block_height", 184)]
    [InlineData(255, "header_checksum", 224)]
    public void TruncatedHeader_NamesTheFieldThatIsCut(int length, string field, long offset)
    {
        byte[] file = LegacyFixtures.Chain(4096, 0).BuildHashChainFile()[..length];
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.TruncatedHeader, field, offset), (e.Error, e.Field, e.Offset));
    }

    [Theory]
    [InlineData(256, "node_count", 256)]
    [InlineData(259, "node_count", 256)]
    [InlineData(260, "leaf_hashes[0]", 260)]
    [InlineData(260 + 64 + 5, "leaf_hashes[2]", 260 + 64)]
    public void TruncatedLeafTable_NamesTheLeafThatIsCut(int length, string field, long offset)
    {
        byte[] file = LegacyFixtures.Chain(3 * 4096, 0).BuildHashChainFile()[..length];
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.TruncatedLeafTable, field, offset), (e.Error, e.Field, e.Offset));
    }

    [Fact]
    public void NodeCountNotTotalChunks_IsInvalidField()
    {
        byte[] file = LegacyFixtures.Chain(3 * 4096, 0).BuildHashChainFile();
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(256), 2);
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.InvalidField, "node_count", 256L, "3", "2"), (e.Error, e.Field, e.Offset, e.Expected, e.Actual));
    }

    [Fact]
    public void ChunkSizeNot4096_IsInvalidField()
    {
        byte[] file = LegacyFixtures.Chain(4096, 0).BuildHashChainFile();
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(80), 512);
        LegacyHashChainWriter.RehashHeader(file);
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.InvalidField, "chunk_size", 80L), (e.Error, e.Field, e.Offset));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1_048_577UL)]
    public void TotalChunksOutOfRange_IsInvalidField(ulong total)
    {
        byte[] file = LegacyFixtures.Chain(4096, 0).BuildHashChainFile();
        BinaryPrimitives.WriteUInt64BigEndian(file.AsSpan(72), total);
        LegacyHashChainWriter.RehashHeader(file);
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.InvalidField, "total_chunks", 72L), (e.Error, e.Field, e.Offset));
    }

    [Theory]
    [InlineData(5, "record[1].block_height", 0)]
    [InlineData(50, "record[1].block_hash", 40)]
    [InlineData(74, "record[1].chunk_count", 72)]
    [InlineData(76 + 9, "record[1].chunk_indices[2]", 76 + 8)]
    [InlineData(76 + 16 + 2, "record[1].hash_count", 76 + 16)]
    [InlineData(76 + 20 + 100, "record[1].chunk_hashes[3]", 76 + 20 + 96)]
    [InlineData(76 + 20 + 128 + 31, "record[1].commitment_hash", 76 + 20 + 128)]
    public void TruncatedRecord_NamesRecordFieldAndOffset(int keep, string field, long fieldOffset)
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 2);
        byte[] full = writer.BuildHashChainFile();
        long start = writer.RecordOffset(1);
        byte[] file = full[..(int)(start + keep)];

        using HashChainFileReader reader = Read(file);
        Assert.True(reader.TryReadNextRecord(out _));
        LegacyFormatException e = Assert.Throws<LegacyFormatException>(() => reader.TryReadNextRecord(out _));
        Assert.Equal((LegacyFormatError.TruncatedRecord, field, start + fieldOffset), (e.Error, e.Field, e.Offset));
    }

    [Fact]
    public void ReadAfterAFormatError_IsRefused()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 2);
        byte[] file = writer.BuildHashChainFile()[..(int)(writer.RecordOffset(1) + 10)];
        using HashChainFileReader reader = Read(file);
        Assert.True(reader.TryReadNextRecord(out _));
        Assert.Throws<LegacyFormatException>(() => reader.TryReadNextRecord(out _));
        Assert.Throws<InvalidOperationException>(() => reader.TryReadNextRecord(out _));
    }

    [Fact]
    public void MissingFooter_IsTruncatedFooter()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 1);
        byte[] full = writer.BuildHashChainFile();
        LegacyFormatException e = ParseFails(full[..^12]);
        Assert.Equal((LegacyFormatError.TruncatedFooter, "footer", (long)full.Length - 12), (e.Error, e.Field, e.Offset));

        e = ParseFails(full[..^5]);
        Assert.Equal((LegacyFormatError.TruncatedFooter, "footer", (long)full.Length - 12), (e.Error, e.Field, e.Offset));
    }

    [Fact]
    public void FooterWrongSize_IsFooterMismatch()
    {
        byte[] file = LegacyFixtures.Chain(4 * 4096, 1).BuildHashChainFile();
        BinaryPrimitives.WriteUInt64BigEndian(file.AsSpan(file.Length - 12), (ulong)file.Length + 1);
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.FooterMismatch, "footer.total_size", (long)file.Length - 12), (e.Error, e.Field, e.Offset));
        Assert.Equal((file.Length.ToString(), (file.Length + 1).ToString()), (e.Expected, e.Actual));
    }

    [Fact]
    public void FooterWrongCrcPlaceholder_IsFooterMismatch()
    {
        byte[] file = LegacyFixtures.Chain(4 * 4096, 1).BuildHashChainFile();
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(file.Length - 4), 0x12345678);
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.FooterMismatch, "footer.crc32", (long)file.Length - 4), (e.Error, e.Field, e.Offset));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void BytesAfterFooter_AreTrailingGarbage(int extra)
    {
        byte[] valid = LegacyFixtures.Chain(4 * 4096, 2).BuildHashChainFile();
        byte[] file = [.. valid, .. Enumerable.Repeat((byte)0x41, extra)];
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.TrailingGarbage, "end_of_file", (long)valid.Length), (e.Error, e.Field, e.Offset));
    }

    [Fact]
    public void HugeListLength_IsInvalidFieldBeforeAnyAllocation()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 1);
        byte[] file = writer.BuildHashChainFile();
        long start = writer.RecordOffset(0);
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan((int)start + 72), uint.MaxValue);
        LegacyFormatException e = ParseFails(file);
        Assert.Equal((LegacyFormatError.InvalidField, "record[0].chunk_count", start + 72), (e.Error, e.Field, e.Offset));
    }

    [Fact]
    public void NonSeekableStream_IsRejected()
    {
        using NonSeekable stream = new(LegacyFixtures.Chain(4096, 0).BuildHashChainFile());
        Assert.Throws<ArgumentException>("stream", () => new HashChainFileReader(stream));
    }

    [Fact]
    public void Open_ReadsFromDisk_AndRemembersThePath()
    {
        using LegacyFixtures fixtures = new();
        (string path, _) = fixtures.Write(LegacyFixtures.Chain(4 * 4096, 2));
        using HashChainFileReader reader = HashChainFileReader.Open(path);
        Assert.Equal(path, reader.Path);
        Assert.Equal(2, reader.ReadRecords().Count());
        Assert.NotNull(reader.Footer);
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
