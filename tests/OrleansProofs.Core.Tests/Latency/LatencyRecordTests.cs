// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Latency;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Latency;

/// <summary>
/// docs/protocol.md §12: the signed latency records (probe request 208 bytes, measurement 249, report 161)
/// round-trip, follow the documented layout, and reject any single flipped bit, another signer, or another probe.
/// </summary>
public sealed class LatencyRecordTests
{
    [Fact]
    public void Probe_RoundTrips_FollowsTheLayout_AndRejectsEveryFlippedBit()
    {
        using NodeKey requester = NodeKey.Generate();
        LatencyProbe probe = Probe(requester.PublicKey, nonceByte: 7);

        byte[] encoded = probe.Sign(requester);

        Assert.Equal(208, encoded.Length);
        Assert.Equal(requester.PublicKey.Bytes.ToArray(), encoded[..32]);
        Assert.Equal(probe.Height, BinaryPrimitives.ReadUInt64BigEndian(encoded.AsSpan(64)));
        Assert.Equal(probe.Challenge.Nonce.ToArray(), encoded[112..144]);
        Assert.True(LatencyProbe.TryVerify(encoded, out LatencyProbe? decoded));
        Assert.Equal(probe, decoded);
        AssertEveryFlippedBitRejected(encoded, bytes => LatencyProbe.TryVerify(bytes, out _));
    }

    [Fact]
    public void Measurement_IsAcceptedOnlyFromTheConfiguredPeer_ForTheProbeSent()
    {
        using NodeKey requester = NodeKey.Generate();
        using NodeKey peer = NodeKey.Generate();
        using NodeKey stranger = NodeKey.Generate();
        LatencyProbe sent = Probe(requester.PublicKey, nonceByte: 7);
        LatencyMeasurement measurement = new(peer.PublicKey, sent, DataVerified: true, RoundTripMicroseconds: 1_234);

        byte[] encoded = measurement.Sign(peer);

        Assert.Equal(249, encoded.Length);
        Assert.Equal(peer.PublicKey.Bytes.ToArray(), encoded[..32]);
        Assert.Equal(1, encoded[176]);
        Assert.Equal(1_234UL, BinaryPrimitives.ReadUInt64BigEndian(encoded.AsSpan(177)));
        Assert.Null(LatencyMeasurement.Check(encoded, peer.PublicKey, sent, out LatencyMeasurement? accepted));
        Assert.Equal(measurement, accepted);
        Assert.Equal(new LatencySample(peer.PublicKey, 1_234, true), accepted!.Sample);

        // Another peer's key, another probe (a replayed measurement for an older nonce), a stranger's signature.
        Assert.Contains("names measurer", LatencyMeasurement.Check(encoded, stranger.PublicKey, sent, out _), StringComparison.Ordinal);
        Assert.Contains("another probe", LatencyMeasurement.Check(encoded, peer.PublicKey, Probe(requester.PublicKey, nonceByte: 8), out _), StringComparison.Ordinal);
        byte[] forged = new LatencyMeasurement(stranger.PublicKey, sent, true, 1_234).Sign(stranger);
        forged.AsSpan(0, 32).Clear();
        peer.PublicKey.Bytes.CopyTo(forged);
        Assert.Contains("signature", LatencyMeasurement.Check(forged, peer.PublicKey, sent, out _), StringComparison.Ordinal);
        AssertEveryFlippedBitRejected(encoded, bytes => LatencyMeasurement.Check(bytes, peer.PublicKey, sent, out _) is null);
    }

    [Fact]
    public void Measurement_RejectsANonCanonicalVerifiedByte()
    {
        using NodeKey peer = NodeKey.Generate();
        byte[] encoded = new LatencyMeasurement(peer.PublicKey, Probe(peer.PublicKey, 1), true, 5).Sign(peer);
        encoded[176] = 2;

        Assert.Throws<FormatException>(() => LatencyMeasurement.Decode(encoded));
    }

    [Fact]
    public void Report_RoundTrips_FollowsTheLayout_AndRejectsEveryFlippedBit()
    {
        using NodeKey verifier = NodeKey.Generate();
        using NodeKey other = NodeKey.Generate();
        LatencyVerdict verdict = new(LatencyOutcome.TooSlow, 12, 3, 151_000, 2_500, "slow");
        LatencyReport report = LatencyReport.From(verifier.PublicKey, Key(9), 42, verdict);

        byte[] encoded = report.Sign(verifier);

        Assert.Equal(161, encoded.Length);
        Assert.Equal(42UL, BinaryPrimitives.ReadUInt64BigEndian(encoded.AsSpan(64)));
        Assert.Equal(12U, BinaryPrimitives.ReadUInt32BigEndian(encoded.AsSpan(72)));
        Assert.Equal(3U, BinaryPrimitives.ReadUInt32BigEndian(encoded.AsSpan(76)));
        Assert.Equal(151_000UL, BinaryPrimitives.ReadUInt64BigEndian(encoded.AsSpan(80)));
        Assert.Equal(2_500UL, BinaryPrimitives.ReadUInt64BigEndian(encoded.AsSpan(88)));
        Assert.Equal((byte)LatencyOutcome.TooSlow, encoded[96]);
        Assert.True(LatencyReport.TryVerify(encoded, verifier.PublicKey, out LatencyReport? decoded));
        Assert.Equal(report, decoded);
        Assert.False(LatencyReport.TryVerify(encoded, other.PublicKey, out _));
        AssertEveryFlippedBitRejected(encoded, bytes => LatencyReport.TryVerify(bytes, null, out _));
    }

    [Fact]
    public void Sign_RefusesAKeyThatIsNotTheRecordsSigner()
    {
        using NodeKey requester = NodeKey.Generate();
        using NodeKey other = NodeKey.Generate();

        Assert.Equal("key", Assert.Throws<ArgumentException>(() => Probe(requester.PublicKey, 1).Sign(other)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => new LatencyMeasurement(requester.PublicKey, Probe(requester.PublicKey, 1), true, 1).Sign(other)).ParamName);
    }

    private static void AssertEveryFlippedBitRejected(byte[] encoded, Func<byte[], bool> accepts)
    {
        for (int bit = 0; bit < encoded.Length * 8; bit++)
        {
            byte[] flipped = [.. encoded];
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(accepts(flipped), $"bit {bit} flipped is still accepted");
        }

        Assert.False(accepts(encoded[..^1]), "a truncated record is accepted");
    }

    private static LatencyProbe Probe(ProverPublicKey requester, byte nonceByte)
    {
        byte[] nonce = new byte[32];
        nonce[31] = nonceByte;
        return new LatencyProbe(requester, Key(9), 42, new AvailabilityChallenge(new Hash32(Key(5).Bytes), 3, new Hash32(nonce)));
    }

    private static ProverPublicKey Key(byte b)
    {
        byte[] bytes = new byte[32];
        bytes[0] = b;
        return new ProverPublicKey(bytes);
    }
}
