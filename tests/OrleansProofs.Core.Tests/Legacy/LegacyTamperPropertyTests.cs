// SPDX-License-Identifier: MIT

using CsCheck;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Core.Tests.Legacy;

/// <summary>
/// Property: flipping any single bit of a valid v1 <c>.hashchain</c> or <c>.data</c> file makes the
/// verifier report at least one failure (and never throw). Covers fields no single check targets,
/// such as the path hash (caught by the header checksum) or the last chunk's zero padding.
/// </summary>
public sealed class LegacyTamperPropertyTests : IDisposable
{
    private static readonly LegacyHashChainWriter Writer = LegacyFixtures.Chain(5 * 4096 - 333, 3);
    private static readonly byte[] HashChain = Writer.BuildHashChainFile();
    private static readonly byte[] Data = Writer.BuildDataFile();

    private readonly LegacyFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    [Fact]
    public void Unmodified_Verifies()
    {
        Assert.True(Verify(HashChain, Data).IsValid);
    }

    [Fact]
    public void AnyBitFlipInTheHashChainFile_IsReported()
    {
        Gen.Int[0, (HashChain.Length * 8) - 1].Sample(bit =>
        {
            byte[] file = (byte[])HashChain.Clone();
            file[bit / 8] ^= (byte)(1 << (bit % 8));
            LegacyVerificationReport report = Verify(file, Data);
            Assert.False(report.IsValid, $"bit {bit} (byte {bit / 8}) flipped but the chain verified");
        }, iter: 300);
    }

    [Fact]
    public void AnyBitFlipInTheDataFile_IsReported()
    {
        Gen.Int[0, (Data.Length * 8) - 1].Sample(bit =>
        {
            byte[] data = (byte[])Data.Clone();
            data[bit / 8] ^= (byte)(1 << (bit % 8));
            LegacyVerificationReport report = Verify(HashChain, data);
            Assert.False(report.IsValid, $"bit {bit} (byte {bit / 8}) of the data flipped but the chain verified");
        }, iter: 100);
    }

    [Theory]
    [InlineData(20_200)] // the original ends at 20,147; the rest of the last chunk is zero padding
    [InlineData(5 * 4096 - 1)]
    public void NonZeroPadding_IsReported(int offset)
    {
        byte[] data = (byte[])Data.Clone();
        data[offset] = 0x01;
        Assert.Equal(LegacyFailureKind.DataHash, Verify(HashChain, data).FirstFailure?.Kind);
    }

    private LegacyVerificationReport Verify(byte[] hashChain, byte[] data)
    {
        string name = Guid.NewGuid().ToString("N");
        string hashChainPath = Path.Combine(_fixtures.Directory, name + ".hashchain");
        string dataPath = Path.Combine(_fixtures.Directory, name + ".data");
        File.WriteAllBytes(hashChainPath, hashChain);
        File.WriteAllBytes(dataPath, data);
        try
        {
            return LegacyChainVerifier.Verify(hashChainPath, dataPath);
        }
        finally
        {
            File.Delete(hashChainPath);
            File.Delete(dataPath);
        }
    }
}
