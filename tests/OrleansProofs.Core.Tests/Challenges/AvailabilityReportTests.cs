// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Challenges;

/// <summary>docs/protocol.md §9.4: a signed availability report is 217 bytes and its verifier rejects any single flipped bit.</summary>
public sealed class AvailabilityReportTests
{
    [Fact]
    public void SignedReport_RoundTrips_AndVerifiesUnderTheVerifierKey()
    {
        using NodeKey verifier = NodeKey.Generate();
        AvailabilityReport report = Report(verifier.PublicKey);

        byte[] encoded = report.Sign(verifier);

        Assert.Equal(AvailabilityReport.EncodedSize, encoded.Length);
        Assert.Equal(217, encoded.Length);
        Assert.True(AvailabilityReport.TryVerify(encoded, verifier.PublicKey, out AvailabilityReport? decoded));
        Assert.Equal(report, decoded);
    }

    [Fact]
    public void Encoding_FollowsTheDocumentedLayout()
    {
        using NodeKey verifier = NodeKey.Generate();
        AvailabilityReport report = Report(verifier.PublicKey);

        byte[] encoded = report.Sign(verifier);

        Assert.Equal(verifier.PublicKey.Bytes.ToArray(), encoded[..32]);
        Assert.Equal(report.Prover.Bytes.ToArray(), encoded[32..64]);
        Assert.Equal(report.Height, BinaryPrimitives.ReadUInt64BigEndian(encoded.AsSpan(64)));
        Assert.Equal(report.ChainId.ToArray(), encoded[72..104]);
        Assert.Equal(report.ChunkIndex, BinaryPrimitives.ReadUInt64BigEndian(encoded.AsSpan(104)));
        Assert.Equal(report.Nonce.ToArray(), encoded[112..144]);
        Assert.Equal((byte)report.Outcome, encoded[144]);
        Assert.Equal(report.RoundTripMicroseconds, BinaryPrimitives.ReadUInt64BigEndian(encoded.AsSpan(145)));
        Assert.True(NodeKey.Verify(verifier.PublicKey, report.SigningDigest().Bytes, encoded.AsSpan(153)));
    }

    [Fact]
    public void AnySingleFlippedBit_IsRejected()
    {
        using NodeKey verifier = NodeKey.Generate();
        byte[] encoded = Report(verifier.PublicKey).Sign(verifier);

        for (int bit = 0; bit < encoded.Length * 8; bit++)
        {
            byte[] flipped = [.. encoded];
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(AvailabilityReport.TryVerify(flipped, expectedVerifier: null, out _), $"bit {bit} flipped still verifies");
        }
    }

    [Fact]
    public void ReportOfAnotherVerifier_OrTruncated_IsRejected()
    {
        using NodeKey verifier = NodeKey.Generate();
        using NodeKey other = NodeKey.Generate();
        byte[] encoded = Report(verifier.PublicKey).Sign(verifier);

        Assert.False(AvailabilityReport.TryVerify(encoded, other.PublicKey, out _));
        Assert.False(AvailabilityReport.TryVerify(encoded.AsSpan(0, 216), null, out _));
        Assert.Throws<FormatException>(() => AvailabilityReport.Decode(encoded.AsSpan(0, 216)));
    }

    [Fact]
    public void Sign_RefusesAKeyThatIsNotTheReportsVerifier()
    {
        using NodeKey verifier = NodeKey.Generate();
        using NodeKey other = NodeKey.Generate();

        ArgumentException error = Assert.Throws<ArgumentException>(() => Report(verifier.PublicKey).Sign(other));
        Assert.Equal("key", error.ParamName);
    }

    [Fact]
    public void UndefinedOutcomeByte_DoesNotDecode()
    {
        using NodeKey verifier = NodeKey.Generate();
        byte[] encoded = (Report(verifier.PublicKey) with { Outcome = (AvailabilityOutcome)6 }).Sign(verifier);

        Assert.Throws<FormatException>(() => AvailabilityReport.Decode(encoded));
        Assert.False(AvailabilityReport.TryVerify(encoded, verifier.PublicKey, out _));
    }

    private static AvailabilityReport Report(ProverPublicKey verifier)
    {
        using NodeKey prover = NodeKey.FromPrivateKey(Sha256.Hash("prover"u8).Bytes);
        return new AvailabilityReport(verifier, prover.PublicKey, 1234, Sha256.Hash("chain"u8), 77, Sha256.Hash("nonce"u8), AvailabilityOutcome.Late, 612_345);
    }
}
