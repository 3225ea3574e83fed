// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Core.Tests.Legacy;

/// <summary>
/// Verifies <see cref="LegacyChainVerifier"/> end to end on files from <see cref="LegacyHashChainWriter"/>:
/// valid chains of several sizes and both initial-height encodings verify and expose the import basis;
/// each kind of damage is reported with its kind, record, height, field, offset and expected vs actual.
/// </summary>
public sealed class LegacyChainVerifierTests : IDisposable
{
    private readonly LegacyFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    private LegacyVerificationReport Verify(LegacyHashChainWriter writer, int maxFailures = LegacyChainVerifier.DefaultMaxFailures)
    {
        (string hashChain, string data) = _fixtures.Write(writer);
        return LegacyChainVerifier.Verify(hashChain, data, maxFailures);
    }

    private LegacyVerificationReport Verify(LegacyHashChainWriter writer, byte[] hashChainBytes)
    {
        (string hashChain, string data) = _fixtures.Write(writer, hashChainBytes);
        return LegacyChainVerifier.Verify(hashChain, data);
    }

    [Theory]
    [InlineData(1, 0)]            // 1 byte: one chunk, no blocks possible
    [InlineData(4096, 0)]         // exactly one chunk
    [InlineData(4097, 0)]         // two chunks, second holds one byte
    [InlineData(3 * 4096, 0)]     // odd chunk count below the selection minimum
    [InlineData(4 * 4096, 9)]     // the minimum for blocks: every block selects every chunk
    [InlineData(5 * 4096 - 1000, 8)] // odd chunk count, short last chunk
    [InlineData(7 * 4096, 12)]    // odd, full last chunk
    [InlineData(25 * 4096 + 3, 20)]
    public void ValidChain_Verifies_AndExposesTheImportBasis(int length, int blocks)
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(length, blocks);
        (string hashChain, string data) = _fixtures.Write(writer);
        LegacyVerificationReport report = LegacyChainVerifier.Verify(hashChain, data);

        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Failures));
        Assert.Null(report.FirstFailure);
        Assert.Equal(blocks, report.VerifiedCommitments);
        Assert.Equal(blocks, report.RecordsRead);

        LegacyImportBasis basis = report.ImportBasis;
        Assert.Equal(hashChain, basis.HashChainFilePath);
        Assert.Equal(Path.GetFullPath(data), basis.DataFilePath);
        ulong chunks = (ulong)((length + 4095) / 4096);
        Assert.Equal(chunks, basis.ChunkCount);
        Assert.Equal((long)chunks * 4096, basis.DataFileLength);
        Assert.Equal(length, basis.OriginalLength);
        Assert.Equal(writer.DataHash, basis.DataHash);
        Assert.Equal(writer.MerkleRoot, basis.MerkleRoot);
        Assert.Equal(LegacyFixtures.Key, basis.PublicKey);
        Assert.Equal(writer.AnchoredCommitment, basis.AnchoredCommitment);
        Assert.Equal(blocks, basis.CommitmentCount);
        Assert.Equal(LegacyFixtures.InitialHeight + (ulong)blocks, basis.Tip.BlockHeight);
        Assert.Equal(blocks == 0 ? LegacyFixtures.InitialHash : LegacyFixtures.BlockHash(blocks - 1), basis.Tip.BlockHash);
        Assert.Equal(writer.HeadCommitment, basis.Tip.Commitment);
        Assert.Equal(blocks == 0 ? null : blocks - 1, basis.Tip.RecordIndex);
        Assert.Equal(basis.Tip, report.LastVerified);
    }

    [Fact]
    public void OriginalDataEndingInZeros_RecoversItsExactLength()
    {
        // The padded .data file does not record the original length; the data hash pins it down.
        byte[] original = LegacyFixtures.Data(5 * 4096 - 700);
        original.AsSpan(original.Length - 300).Clear();
        LegacyHashChainWriter writer = new(original, LegacyFixtures.Key, 1, LegacyFixtures.InitialHash);
        writer.AppendBlock(LegacyFixtures.BlockHash(0));

        LegacyVerificationReport report = Verify(writer);
        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Failures));
        Assert.Equal(original.Length, report.ImportBasis.OriginalLength);
    }

    [Theory]
    [InlineData(LegacyHeightEncoding.UInt64)]
    [InlineData(LegacyHeightEncoding.Float64)]
    public void BothInitialHeightEncodings_Verify_WithTheSameAnchorAndHeights(LegacyHeightEncoding encoding)
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(6 * 4096, 3, encoding);
        LegacyVerificationReport report = Verify(writer);

        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Failures));
        Assert.Equal(12345UL, report.ImportBasis.InitialBlockHeight);
        Assert.Equal(12348UL, report.ImportBasis.Tip.BlockHeight);
        Assert.Equal(LegacyFixtures.Chain(6 * 4096, 3, LegacyHeightEncoding.UInt64).AnchoredCommitment, report.ImportBasis.AnchoredCommitment);
    }

    [Fact]
    public void Float64HeightBits_ReadAsAPlainU64_WouldBreakTheAnchor()
    {
        // Guards the decoding: the anchor hashes be64(12345), not the f64 bit pattern.
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 1, LegacyHeightEncoding.Float64);
        Hash32 fromRawBits = LegacyCommitments.Anchored(writer.DataHash, LegacyFixtures.Key.AsHash32(), LegacyFixtures.InitialHash, 0x40c81c8000000000UL);
        Assert.NotEqual(fromRawBits, writer.AnchoredCommitment);
        Assert.True(Verify(writer).IsValid);
    }

    [Fact]
    public void BrokenHeaderChecksum_IsReportedFirst_AndNothingCountsAsVerified()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 3);
        byte[] file = writer.BuildHashChainFile();
        file[230] ^= 0xFF;
        LegacyVerificationReport report = Verify(writer, file);

        Assert.False(report.IsValid);
        LegacyVerificationFailure failure = Assert.Single(report.Failures);
        Assert.Equal(LegacyFailureKind.HeaderChecksum, failure.Kind);
        Assert.Equal("header_checksum", failure.Field);
        Assert.Equal(224L, failure.Offset);
        Assert.Equal(new Hash32(file.AsSpan(224, 32)).ToString(), failure.Actual);
        Assert.Equal(Sha256.Hash(file.AsSpan(0, 224)).ToString(), failure.Expected);
        Assert.Equal(0, report.VerifiedCommitments);
        Assert.Null(report.LastVerified);
        Assert.Null(report.ImportBasis);
        Assert.Equal(3, report.RecordsRead);
    }

    [Fact]
    public void TamperedCommitmentHash_IsReportedAtItsRecord_AndBreaksTheNextLink()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(5 * 4096, 5);
        byte[] file = writer.BuildHashChainFile();
        long commitmentOffset = writer.RecordOffset(2) + writer.Records[2].EncodedSize - 32;
        file[commitmentOffset + 5] ^= 0x01;
        Hash32 tampered = new(file.AsSpan((int)commitmentOffset, 32));
        LegacyVerificationReport report = Verify(writer, file);

        Assert.Equal(2, report.TotalFailures);
        Assert.Equal(
            new LegacyVerificationFailure(
                LegacyFailureKind.CommitmentHash,
                "record[2].commitment_hash",
                writer.Records[2].CommitmentHash.ToString(),
                tampered.ToString(),
                2,
                12348,
                commitmentOffset,
                Detail: report.Failures[0].Detail),
            report.Failures[0]);
        Assert.Equal(
            (LegacyFailureKind.PreviousCommitment, "record[3].previous_commitment", 3L, 12349UL, tampered.ToString(), writer.Records[2].CommitmentHash.ToString()),
            (report.Failures[1].Kind, report.Failures[1].Field, report.Failures[1].RecordIndex, report.Failures[1].BlockHeight, report.Failures[1].Expected, report.Failures[1].Actual));
        Assert.Equal(2, report.VerifiedCommitments);
        Assert.Equal(new LegacyChainTip(12347, LegacyFixtures.BlockHash(1), writer.Records[1].CommitmentHash, 1), report.LastVerified);
        Assert.Null(report.ImportBasis);
    }

    [Fact]
    public void ChunkHashNotFromTheData_IsReportedEvenWithAConsistentCommitment()
    {
        // A forger who recomputes the commitment over a wrong chunk hash is still caught by the data.
        LegacyHashChainWriter writer = LegacyFixtures.Chain(6 * 4096, 1);
        Hash32 blockHash = LegacyFixtures.BlockHash(100);
        uint[] indices = LegacyChunkSelection.Select(blockHash, writer.TotalChunks);
        Hash32[] hashes = [.. indices.Select(writer.PaddedChunkHash)];
        hashes[1] = Sha256.Hash("not the chunk"u8);
        Hash32 previous = writer.HeadCommitment;
        writer.AppendRecord(new LegacyCommitmentRecord(
            LegacyCommitmentRecord.EncodeHeight(writer.NextHeight), previous, blockHash, [.. indices], [.. hashes],
            LegacyCommitments.PhysicalAccess(previous, blockHash, indices, hashes)));

        LegacyVerificationReport report = Verify(writer);
        LegacyVerificationFailure failure = Assert.Single(report.Failures);
        Assert.Equal((LegacyFailureKind.ChunkHash, "record[1].chunk_hashes[1]", 1L, 12347UL), (failure.Kind, failure.Field, failure.RecordIndex, failure.BlockHeight));
        Assert.Equal(writer.PaddedChunkHash(indices[1]).ToString(), failure.Expected);
        Assert.Equal(writer.RecordOffset(1) + 76 + 16 + 4 + 32, failure.Offset);
        Assert.Equal(1, report.VerifiedCommitments);
    }

    [Fact]
    public void SortedInsteadOfSelectionOrder_IsASelectionFailure()
    {
        // Historical v1: verifyChunkSelection is order-sensitive.
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 0);
        Hash32 blockHash = Hash32.Zero;
        uint[] sorted = [0, 1, 2, 3]; // the selection is [0,3,2,1]
        Hash32[] hashes = [.. sorted.Select(writer.PaddedChunkHash)];
        writer.AppendRecord(new LegacyCommitmentRecord(
            LegacyCommitmentRecord.EncodeHeight(writer.NextHeight), writer.AnchoredCommitment, blockHash, [.. sorted], [.. hashes],
            LegacyCommitments.PhysicalAccess(writer.AnchoredCommitment, blockHash, sorted, hashes)));

        LegacyVerificationReport report = Verify(writer);
        LegacyVerificationFailure failure = Assert.Single(report.Failures);
        Assert.Equal((LegacyFailureKind.Selection, "record[0].chunk_indices", "[0, 3, 2, 1]", "[0, 1, 2, 3]"), (failure.Kind, failure.Field, failure.Expected, failure.Actual));
        Assert.Equal(0, report.VerifiedCommitments);
        Assert.Equal(new LegacyChainTip(12345, LegacyFixtures.InitialHash, writer.AnchoredCommitment, null), report.LastVerified);
    }

    [Fact]
    public void RecordInAFileBelowFourChunks_IsASelectionFailure()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4096, 0);
        Assert.Throws<InvalidOperationException>(() => writer.AppendBlock(LegacyFixtures.BlockHash(0)));
        uint[] indices = [0, 0, 0, 0];
        Hash32[] hashes = [.. indices.Select(writer.PaddedChunkHash)];
        Hash32 blockHash = LegacyFixtures.BlockHash(0);
        writer.AppendRecord(new LegacyCommitmentRecord(
            LegacyCommitmentRecord.EncodeHeight(writer.NextHeight), writer.AnchoredCommitment, blockHash, [.. indices], [.. hashes],
            LegacyCommitments.PhysicalAccess(writer.AnchoredCommitment, blockHash, indices, hashes)));

        LegacyVerificationFailure failure = Assert.Single(Verify(writer).Failures);
        Assert.Equal((LegacyFailureKind.Selection, "record[0].chunk_indices", "no records"), (failure.Kind, failure.Field, failure.Expected));
    }

    [Fact]
    public void HeightGapOrNonIntegralHeight_IsAHeightFailure()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 1);
        LegacyCommitmentRecord good = writer.AppendBlock(LegacyFixtures.BlockHash(1));
        LegacyHashChainWriter gap = LegacyFixtures.Chain(4 * 4096, 1);
        gap.AppendRecord(good with { BlockHeightBits = LegacyCommitmentRecord.EncodeHeight(12348) });
        LegacyHashChainWriter fraction = LegacyFixtures.Chain(4 * 4096, 1);
        fraction.AppendRecord(good with { BlockHeightBits = BitConverter.DoubleToUInt64Bits(12347.5) });

        LegacyVerificationFailure f = Assert.Single(Verify(gap).Failures);
        Assert.Equal((LegacyFailureKind.Height, "record[1].block_height", "12347", "12348", 12347UL), (f.Kind, f.Field, f.Expected, f.Actual, f.BlockHeight));
        Assert.Equal(gap.RecordOffset(1), f.Offset);

        f = Assert.Single(Verify(fraction).Failures);
        Assert.Equal(LegacyFailureKind.Height, f.Kind);
        Assert.StartsWith("12347.5 (f64 bits 0x", f.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongChunkCount_IsAChunkCountFailure()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(8 * 4096, 0);
        LegacyCommitmentRecord real = LegacyFixtures.Chain(8 * 4096, 1).Records[0];
        ImmutableArray<uint> three = real.ChunkIndices[..3];
        ImmutableArray<Hash32> threeHashes = real.ChunkHashes[..3];
        writer.AppendRecord(real with
        {
            ChunkIndices = three,
            ChunkHashes = threeHashes,
            CommitmentHash = LegacyCommitments.PhysicalAccess(real.PreviousCommitment, real.BlockHash, three.AsSpan(), threeHashes.AsSpan()),
        });

        LegacyVerificationFailure failure = Assert.Single(Verify(writer).Failures);
        Assert.Equal((LegacyFailureKind.ChunkCount, "record[0].chunk_count", "4", "3"), (failure.Kind, failure.Field, failure.Expected, failure.Actual));
    }

    [Fact]
    public void TruncatedRecord_IsAFormatFailure_AfterTheRecordsBeforeItVerified()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(5 * 4096, 4);
        byte[] full = writer.BuildHashChainFile();
        long cut = writer.RecordOffset(3) + 100;
        LegacyVerificationReport report = Verify(writer, full[..(int)cut]);

        LegacyVerificationFailure failure = Assert.Single(report.Failures);
        Assert.Equal(LegacyFailureKind.Format, failure.Kind);
        Assert.Equal(LegacyFormatError.TruncatedRecord, failure.FormatError);
        Assert.Equal("record[3].chunk_hashes[0]", failure.Field);
        Assert.Equal(writer.RecordOffset(3) + 96, failure.Offset);
        Assert.Equal((3L, 12349UL), (failure.RecordIndex, failure.BlockHeight));
        Assert.Equal(3, report.VerifiedCommitments);
        Assert.Equal(3, report.RecordsRead);
        Assert.Equal(writer.Records[2].CommitmentHash, report.LastVerified!.Commitment);
        Assert.Null(report.ImportBasis);
    }

    [Fact]
    public void WrongMagic_IsAFormatFailureInTheReport()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 1);
        byte[] file = writer.BuildHashChainFile();
        "HCH2"u8.CopyTo(file);
        LegacyVerificationReport report = Verify(writer, file);

        LegacyVerificationFailure failure = Assert.Single(report.Failures);
        Assert.Equal((LegacyFailureKind.Format, LegacyFormatError.WrongMagic, "magic", 0L), (failure.Kind, failure.FormatError, failure.Field, failure.Offset));
        Assert.Equal(("4843484e", "48434832"), (failure.Expected, failure.Actual));
        Assert.Equal(0, report.RecordsRead);
    }

    [Fact]
    public void ChainLengthNotRecordCount_IsReported()
    {
        // What a crash between appending a record and updating the header leaves behind.
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 3);
        byte[] file = writer.BuildHashChainFile();
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(148), 2);
        LegacyHashChainWriter.RehashHeader(file);
        LegacyVerificationReport report = Verify(writer, file);

        LegacyVerificationFailure failure = Assert.Single(report.Failures);
        Assert.Equal((LegacyFailureKind.ChainLength, "chain_length", "3", "2", 148L), (failure.Kind, failure.Field, failure.Expected, failure.Actual, failure.Offset));
        Assert.Equal(3, report.VerifiedCommitments);
        Assert.Null(report.ImportBasis);
    }

    [Fact]
    public void TamperedDataFile_ReportsDataHashLeafRootAndTheChunkHashesThatRead_It()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(5 * 4096, 6);
        (string hashChain, string data) = _fixtures.Write(writer);
        byte[] bytes = File.ReadAllBytes(data);
        bytes[(2 * 4096) + 17] ^= 0x80;
        File.WriteAllBytes(data, bytes);
        LegacyVerificationReport report = LegacyChainVerifier.Verify(hashChain, data);

        Assert.Equal(LegacyFailureKind.DataHash, report.FirstFailure!.Kind);
        LegacyVerificationFailure leaf = Assert.Single(report.Failures, f => f.Kind == LegacyFailureKind.LeafHash);
        Assert.Equal(("leaf_hashes[2]", 260L + 64, writer.Leaves[2].ToString()), (leaf.Field, leaf.Offset, leaf.Actual));
        Assert.Single(report.Failures, f => f.Kind == LegacyFailureKind.MerkleRoot);
        int readers = writer.Records.Count(r => r.ChunkIndices.Contains(2u));
        Assert.True(readers > 0);
        Assert.Equal(readers, report.Failures.Count(f => f.Kind == LegacyFailureKind.ChunkHash));
        Assert.Equal(0, report.VerifiedCommitments);
        Assert.Null(report.LastVerified);
    }

    [Fact]
    public void TamperedStoredLastLeaf_IsOnlyALeafFailure()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(5 * 4096 - 9, 0);
        byte[] file = writer.BuildHashChainFile();
        file[260 + (4 * 32)] ^= 0x01;
        LegacyVerificationReport report = Verify(writer, file);

        // The root is computed over the data's chunks, which still match the header's root and data hash.
        LegacyVerificationFailure failure = Assert.Single(report.Failures);
        Assert.Equal((LegacyFailureKind.LeafHash, "leaf_hashes[4]", 260L + 128), (failure.Kind, failure.Field, failure.Offset));
        Assert.Equal(writer.Leaves[4].ToString(), failure.Expected);
    }

    [Fact]
    public void DataFileOfWrongSize_IsReported_AndDataChecksSkipped()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096 - 10, 2);
        (string hashChain, string data) = _fixtures.Write(writer);
        File.WriteAllBytes(data, LegacyFixtures.Data(4 * 4096 - 10)); // unpadded
        LegacyVerificationReport report = LegacyChainVerifier.Verify(hashChain, data);

        LegacyVerificationFailure failure = Assert.Single(report.Failures);
        Assert.Equal((LegacyFailureKind.DataFileSize, "data_file.length", "16384", "16374"), (failure.Kind, failure.Field, failure.Expected, failure.Actual));
        Assert.Equal(0, report.VerifiedCommitments);
    }

    [Fact]
    public void ForeignAnchor_IsAnAnchoredCommitmentFailure()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 0);
        byte[] file = writer.BuildHashChainFile();
        file[152] ^= 0x01; // a different public key, header re-hashed
        LegacyHashChainWriter.RehashHeader(file);
        LegacyVerificationFailure failure = Assert.Single(Verify(writer, file).Failures);
        Assert.Equal((LegacyFailureKind.AnchoredCommitment, "anchored_commitment", 116L), (failure.Kind, failure.Field, failure.Offset));
        Assert.Equal(writer.AnchoredCommitment.ToString(), failure.Actual);
    }

    [Fact]
    public void FailureCap_KeepsTheFirstFailures_AndCountsTheRest()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(5 * 4096, 8);
        byte[] file = writer.BuildHashChainFile();
        for (int i = 0; i < 8; i++)
        {
            file[writer.RecordOffset(i) + 40] ^= 0x01; // every block hash: selection and commitment both break
        }

        LegacyVerificationReport report = Verify(writer, file, 3);
        LegacyVerificationReport all = Verify(writer, file, 1000);
        Assert.Equal(3, report.Failures.Count);
        Assert.True(report.FailuresTruncated);
        Assert.Equal(all.TotalFailures, report.TotalFailures);
        Assert.Equal(all.Failures.Take(3), report.Failures);
        Assert.Equal("record[0].chunk_indices", report.FirstFailure!.Field);
    }

    [Fact]
    public void ReaderAlreadyConsumed_OrBadCap_Throws()
    {
        (string hashChain, string data) = _fixtures.Write(LegacyFixtures.Chain(4 * 4096, 1));
        using HashChainFileReader reader = HashChainFileReader.Open(hashChain);
        Assert.True(reader.TryReadNextRecord(out _));
        Assert.Throws<ArgumentException>("file", () => LegacyChainVerifier.Verify(reader, data));
        Assert.Throws<ArgumentOutOfRangeException>("maxFailures", () => LegacyChainVerifier.Verify(hashChain, data, 0));
    }

    private LegacyVerificationReport Verify(LegacyHashChainWriter writer, byte[] hashChainBytes, int maxFailures)
    {
        (string hashChain, string data) = _fixtures.Write(writer, hashChainBytes);
        return LegacyChainVerifier.Verify(hashChain, data, maxFailures);
    }
}
