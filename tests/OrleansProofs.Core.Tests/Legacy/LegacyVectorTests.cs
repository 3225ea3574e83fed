// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Legacy;

/// <summary>
/// The known-answer vector of docs/migration-legacy-format.md: a fixed 5-chunk v1 file with one block,
/// checked byte for byte (header, selection, record, footer, whole-file digest) in both initial-height
/// encodings. The expected values were reproduced by an independent Python (hashlib/struct) rendering of the layout.
/// </summary>
public sealed class LegacyVectorTests
{
    // Header of the u64-encoded vector file, bytes 0..256, 32 bytes a line.
    private const string HeaderU64 =
        "4843484e0000000197e0df8aa2a49e662898fc2e2aff5663005ecd2771d7832b" +
        "c195266169c2497817679289eb61813cbd303d8135bd60081e296b26f6cebfb8" +
        "0108c28c8265770c0000000000000005000010001850395aa2de8a68973ef7c2" +
        "68517f2d13543865c721815e2ab7a274773edc9fb3fd90cbc2fb81d6484b9227" +
        "bd349adde5f33916d3c16f32165b6629a4bcc6bc000000011111111111111111" +
        "1111111111111111111111111111111111111111111111110000000000003039" +
        "2222222222222222222222222222222222222222222222222222222222222222" +
        "418b7d18d0b5687e1aa483e98aeceee3b101204ff08d9d1e642a698077d60f7e";

    internal static LegacyHashChainWriter VectorWriter(LegacyHeightEncoding encoding)
    {
        // data[i] = i mod 251, 19,480 bytes = 4 full chunks + 3,096 bytes.
        byte[] data = new byte[19_480];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i % 251);
        }

        ProverPublicKey key = new(Enumerable.Repeat((byte)0x11, 32).ToArray());
        Hash32 initialHash = new(Enumerable.Repeat((byte)0x22, 32).ToArray());
        LegacyHashChainWriter writer = new(data, key, 12345, initialHash, encoding, "legacy.data");
        writer.AppendBlock(new Hash32(Enumerable.Repeat((byte)0x36, 32).ToArray()));
        return writer;
    }

    [Fact]
    public void Header_U64Encoding_MatchesTheDocumentedBytes()
    {
        byte[] file = VectorWriter(LegacyHeightEncoding.UInt64).BuildHashChainFile();
        Assert.Equal(HeaderU64, Convert.ToHexStringLower(file.AsSpan(0, 256)));
        Assert.Equal("c016ed6f44cc459cb2846ed0670982c2e0ccf6cbc53b1d65f5c1d74e77e46798", Sha256.Hash(file).ToString());
    }

    [Fact]
    public void Header_F64Encoding_DiffersOnlyInHeightAndChecksum()
    {
        byte[] u64 = VectorWriter(LegacyHeightEncoding.UInt64).BuildHashChainFile();
        byte[] f64 = VectorWriter(LegacyHeightEncoding.Float64).BuildHashChainFile();
        Assert.Equal(u64.AsSpan(0, 184).ToArray(), f64.AsSpan(0, 184).ToArray());
        Assert.Equal(u64.AsSpan(192, 32).ToArray(), f64.AsSpan(192, 32).ToArray());
        Assert.Equal("40c81c8000000000", Convert.ToHexStringLower(f64.AsSpan(184, 8)));
        Assert.Equal("cfe5a92a92fada0f3fe8b084e8790712f70d84e8397891a27796cd40484c1f49", Convert.ToHexStringLower(f64.AsSpan(224, 32)));
        Assert.Equal(u64.AsSpan(256).ToArray(), f64.AsSpan(256).ToArray());
        Assert.Equal("cf4d414d07d1069603db1d8bb81f13c33dfeb89ec70467e42c85657c1c3fd19a", Sha256.Hash(f64).ToString());
    }

    [Fact]
    public void Record_AndFooter_MatchTheDocumentedValues()
    {
        LegacyHashChainWriter writer = VectorWriter(LegacyHeightEncoding.UInt64);
        byte[] file = writer.BuildHashChainFile();
        LegacyCommitmentRecord record = writer.Records[0];

        Assert.Equal("b3fd90cbc2fb81d6484b9227bd349adde5f33916d3c16f32165b6629a4bcc6bc", writer.AnchoredCommitment.ToString());
        Assert.Equal([0u, 4u, 3u, 2u], record.ChunkIndices.ToArray());

        // The short last chunk: its leaf is over 3,096 bytes, its record hash over 4,096 zero-padded bytes.
        Assert.Equal("3d12b9a106be08937a09915d97d1c64b1ee3d790216640ff59dadd1efcfd8d97", writer.Leaves[4].ToString());
        Assert.Equal("fcb20d70fe1512aa49bfae03bf71f60464d3ac8e573a13b3d857044783bba8b2", record.ChunkHashes[1].ToString());
        Assert.Equal("756d054e600e0337278638acc3c31edbec84918c7b51720987e3e7254ddc6b1a", record.CommitmentHash.ToString());

        Assert.Equal(420, writer.RecordOffset(0));
        Assert.Equal(256, record.EncodedSize);
        Assert.Equal("40c81d0000000000", Convert.ToHexStringLower(file.AsSpan(420, 8))); // f64 12346.0
        Assert.Equal(688, file.Length);
        Assert.Equal("00000000000002b0deadbeef", Convert.ToHexStringLower(file.AsSpan(file.Length - 12)));
    }

    [Fact]
    public void VectorFiles_VerifyInBothEncodings()
    {
        using LegacyFixtures fixtures = new();
        foreach (LegacyHeightEncoding encoding in new[] { LegacyHeightEncoding.UInt64, LegacyHeightEncoding.Float64 })
        {
            (string hashChain, string data) = fixtures.Write(VectorWriter(encoding), encoding.ToString());
            LegacyVerificationReport report = LegacyChainVerifier.Verify(hashChain, data);
            Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Failures));
            Assert.Equal(new LegacyChainTip(12346, new Hash32(Enumerable.Repeat((byte)0x36, 32).ToArray()), report.ImportBasis.Tip.Commitment, 0), report.ImportBasis.Tip);
            Assert.Equal("756d054e600e0337278638acc3c31edbec84918c7b51720987e3e7254ddc6b1a", report.ImportBasis.Tip.Commitment.ToString());
            Assert.Equal(19_480, report.ImportBasis.OriginalLength);
        }
    }
}
