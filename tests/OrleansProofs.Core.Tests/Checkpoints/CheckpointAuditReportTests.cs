// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Checkpoints;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Checkpoints;

/// <summary>The verifier's signed checkpoint verdict: layout, round trip, every flipped bit and another verifier rejected.</summary>
public sealed class CheckpointAuditReportTests : IDisposable
{
    private readonly NodeKey _verifier = NodeKey.Generate();
    private readonly NodeKey _prover = NodeKey.Generate();

    public void Dispose()
    {
        _verifier.Dispose();
        _prover.Dispose();
    }

    private CheckpointAuditReport Sample(bool consistent) =>
        new(_verifier.PublicKey, _prover.PublicKey, 225, Sha256.Hash("checkpoint"u8), Sha256.Hash("record"u8), consistent);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RoundTripsWithTheDocumentedLayout(bool consistent)
    {
        byte[] encoded = Sample(consistent).Sign(_verifier);
        Assert.Equal(CheckpointAuditReport.EncodedSize, encoded.Length);
        Assert.Equal(202, encoded.Length);
        Assert.Equal(consistent ? 1 : 2, encoded[137]);
        Assert.Equal(Sample(consistent), CheckpointAuditReport.DecodeVerified(encoded, _verifier.PublicKey));
    }

    [Fact]
    public void EveryFlippedBitAndAnotherVerifierAreRejected()
    {
        byte[] encoded = Sample(false).Sign(_verifier);
        for (int bit = 0; bit < encoded.Length * 8; bit++)
        {
            byte[] flipped = (byte[])encoded.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Null(CheckpointAuditReport.DecodeVerified(flipped));
        }

        Assert.Null(CheckpointAuditReport.DecodeVerified(encoded, _prover.PublicKey));
        Assert.Null(CheckpointAuditReport.DecodeVerified(encoded.AsSpan(1)));
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => Sample(true).Sign(_prover)).ParamName);
    }
}
