// SPDX-License-Identifier: MIT
// Latency measurement — docs/protocol.md §12.2; 249 bytes: 185 bytes of fields, then the measuring verifier's Ed25519 signature over their tagged hash.

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Latency;

/// <summary>
/// A verifier's signed statement that it timed one <see cref="LatencyProbe"/>: the probe's fields, whether
/// the prover's answer verified against the registration the measurer pinned itself, and the round trip
/// the measurer measured around its own request. Encoded as <c>measurer_key(32) ‖ the probe's 144 fields ‖
/// u8 data_verified (0 or 1) ‖ u64 round_trip_us ‖ signature(64)</c> (249 bytes), signed by the measurer over
/// <c>H(u8 27 ‖ "posc/v1/latency-measurement" ‖ the first 185 bytes)</c>. The requester accepts one only
/// under the peer key it configured and only for the probe it sent itself (<see cref="Check"/>).
/// </summary>
/// <param name="Measurer">The verifier that timed the probe (the signer, a vantage point).</param>
/// <param name="Probe">The probe as the requester signed it.</param>
/// <param name="DataVerified">Whether the answer carried the chunk's bytes bound to the probe's nonce.</param>
/// <param name="RoundTripMicroseconds">The round trip the measurer measured, in microseconds.</param>
public sealed record LatencyMeasurement(ProverPublicKey Measurer, LatencyProbe Probe, bool DataVerified, ulong RoundTripMicroseconds)
{
    /// <summary>Bytes of the signed fields.</summary>
    public const int FieldsSize = 32 + LatencyProbe.FieldsSize + 1 + 8;

    /// <summary>Bytes of an encoded, signed measurement.</summary>
    public const int EncodedSize = FieldsSize + NodeKey.SignatureSize;

    /// <summary>The sample this measurement contributes to a verdict.</summary>
    public LatencySample Sample => new(Measurer, RoundTripMicroseconds, DataVerified);

    /// <summary>Signs the measurement with the measurer's key and returns its 249-byte encoding.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not the key of <see cref="Measurer"/>.</exception>
    public byte[] Sign(NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(Probe);
        Span<byte> fields = stackalloc byte[FieldsSize];
        ProtocolWriter writer = new(fields);
        writer.WriteHash(Measurer.AsHash32());
        LatencyProbe.WriteFields(ref writer, Probe.Requester, Probe.Prover, Probe.Height, Probe.Challenge);
        writer.WriteByte(DataVerified ? (byte)1 : (byte)0);
        writer.WriteUInt64(RoundTripMicroseconds);
        return SignedFields.Sign(key, Measurer, "measurer", DomainTags.LatencyMeasurement, fields);
    }

    /// <summary>Decodes a signed measurement without checking its signature.</summary>
    /// <exception cref="FormatException">Wrong length, or a data_verified byte other than 0 or 1.</exception>
    public static LatencyMeasurement Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != EncodedSize)
        {
            throw new FormatException($"A latency measurement is exactly {EncodedSize} bytes; got {encoded.Length}.");
        }

        ProtocolReader reader = new(encoded[..FieldsSize]);
        ProverPublicKey measurer = new(reader.ReadHash("measurer_key").Bytes);
        LatencyProbe probe = LatencyProbe.ReadFields(ref reader);
        byte verified = reader.ReadByte("data_verified");
        if (verified > 1)
        {
            throw new FormatException($"data_verified must be 0 or 1; got {verified}.");
        }

        ulong roundTrip = reader.ReadUInt64("round_trip_us");
        return new LatencyMeasurement(measurer, probe, verified == 1, roundTrip);
    }

    /// <summary>
    /// Accepts <paramref name="encoded"/> as <paramref name="expectedMeasurer"/>'s measurement of exactly
    /// <paramref name="sent"/> (same requester, prover, height, chain, chunk and nonce) under a valid
    /// signature. Returns null and the measurement, or why not (and no measurement).
    /// </summary>
    public static string? Check(ReadOnlySpan<byte> encoded, ProverPublicKey expectedMeasurer, LatencyProbe sent, out LatencyMeasurement? measurement)
    {
        ArgumentNullException.ThrowIfNull(sent);
        measurement = null;
        LatencyMeasurement decoded;
        try
        {
            decoded = Decode(encoded);
        }
        catch (FormatException error)
        {
            return $"the measurement is malformed: {error.Message}";
        }

        if (decoded.Measurer != expectedMeasurer)
        {
            return $"the measurement names measurer {decoded.Measurer}; the peer asked is {expectedMeasurer}.";
        }

        if (decoded.Probe != sent)
        {
            return $"the measurement is for another probe (height {decoded.Probe.Height}, chain {decoded.Probe.Challenge.ChainId}, chunk {decoded.Probe.Challenge.ChunkIndex}, nonce {decoded.Probe.Challenge.Nonce}); this verifier sent nonce {sent.Challenge.Nonce}.";
        }

        if (!SignedFields.Verify(expectedMeasurer, DomainTags.LatencyMeasurement, encoded, FieldsSize))
        {
            return $"the measurement's signature does not verify under the peer's configured key {expectedMeasurer}.";
        }

        measurement = decoded;
        return null;
    }
}
