// SPDX-License-Identifier: MIT
// Signed latency report — docs/protocol.md §12.4; 161 bytes: 97 bytes of fields, then the verifier's Ed25519 signature over their tagged hash.

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Latency;

/// <summary>
/// A verifier's signed latency verdict on one prover at one block, over the window of samples it holds
/// (its own timings and peers' signed measurements; never anything the prover reported). Encoded as
/// <c>verifier_key(32) ‖ prover_key(32) ‖ u64 height ‖ u32 samples ‖ u32 vantage_points ‖ u64 average_us ‖
/// u64 std_dev_us ‖ u8 verdict ‖ signature(64)</c> (161 bytes, integers big-endian), signed by the verifier over
/// <c>H(u8 22 ‖ "posc/v1/latency-report" ‖ the first 97 bytes)</c>.
/// </summary>
/// <param name="Verifier">The judging verifier (the signer).</param>
/// <param name="Prover">The judged prover.</param>
/// <param name="Height">The block at which the verdict was reached.</param>
/// <param name="Samples">Samples in the window.</param>
/// <param name="VantagePoints">Distinct measuring verifiers among them.</param>
/// <param name="AverageMicroseconds">Their average round trip.</param>
/// <param name="StandardDeviationMicroseconds">Their population standard deviation.</param>
/// <param name="Verdict">The outcome.</param>
public sealed record LatencyReport(
    ProverPublicKey Verifier,
    ProverPublicKey Prover,
    ulong Height,
    uint Samples,
    uint VantagePoints,
    ulong AverageMicroseconds,
    ulong StandardDeviationMicroseconds,
    LatencyOutcome Verdict)
{
    /// <summary>Bytes of the signed fields.</summary>
    public const int FieldsSize = 32 + 32 + 8 + 4 + 4 + 8 + 8 + 1;

    /// <summary>Bytes of an encoded, signed report.</summary>
    public const int EncodedSize = FieldsSize + NodeKey.SignatureSize;

    /// <summary>The report of <paramref name="verdict"/>.</summary>
    public static LatencyReport From(ProverPublicKey verifier, ProverPublicKey prover, ulong height, LatencyVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new LatencyReport(verifier, prover, height, (uint)verdict.Samples, (uint)verdict.VantagePoints,
            verdict.AverageMicroseconds, verdict.StandardDeviationMicroseconds, verdict.Outcome);
    }

    /// <summary>Signs the report with the verifier's key and returns its 161-byte encoding.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not the key of <see cref="Verifier"/>.</exception>
    public byte[] Sign(NodeKey key)
    {
        Span<byte> fields = stackalloc byte[FieldsSize];
        ProtocolWriter writer = new(fields);
        writer.WriteHash(Verifier.AsHash32());
        writer.WriteHash(Prover.AsHash32());
        writer.WriteUInt64(Height);
        writer.WriteUInt32(Samples);
        writer.WriteUInt32(VantagePoints);
        writer.WriteUInt64(AverageMicroseconds);
        writer.WriteUInt64(StandardDeviationMicroseconds);
        writer.WriteByte((byte)Verdict);
        return SignedFields.Sign(key, Verifier, "verifier", Hashing.DomainTags.LatencyReport, fields);
    }

    /// <summary>Decodes a signed report without checking its signature (see <see cref="TryVerify"/>).</summary>
    /// <exception cref="FormatException">Wrong length, or an undefined verdict byte.</exception>
    public static LatencyReport Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != EncodedSize)
        {
            throw new FormatException($"A latency report is exactly {EncodedSize} bytes; got {encoded.Length}.");
        }

        ProtocolReader reader = new(encoded[..FieldsSize]);
        ProverPublicKey verifier = new(reader.ReadHash("verifier_key").Bytes);
        ProverPublicKey prover = new(reader.ReadHash("prover_key").Bytes);
        ulong height = reader.ReadUInt64("height");
        uint samples = reader.ReadUInt32("samples");
        uint vantagePoints = reader.ReadUInt32("vantage_points");
        ulong average = reader.ReadUInt64("average_us");
        ulong deviation = reader.ReadUInt64("std_dev_us");
        byte verdict = reader.ReadByte("verdict");
        if (verdict > (byte)LatencyOutcomes.Max)
        {
            throw new FormatException($"verdict {verdict} is not a defined latency outcome (0 to {(byte)LatencyOutcomes.Max}).");
        }

        return new LatencyReport(verifier, prover, height, samples, vantagePoints, average, deviation, (LatencyOutcome)verdict);
    }

    /// <summary>
    /// Decodes <paramref name="encoded"/> and checks its signature against the verifier it names and, when given,
    /// <paramref name="expectedVerifier"/>. False for malformed input, another verifier, or any flipped bit.
    /// </summary>
    public static bool TryVerify(ReadOnlySpan<byte> encoded, ProverPublicKey? expectedVerifier, out LatencyReport? report)
    {
        report = null;
        LatencyReport decoded;
        try
        {
            decoded = Decode(encoded);
        }
        catch (FormatException)
        {
            return false;
        }

        if ((expectedVerifier is { } expected && expected != decoded.Verifier)
            || !SignedFields.Verify(decoded.Verifier, Hashing.DomainTags.LatencyReport, encoded, FieldsSize))
        {
            return false;
        }

        report = decoded;
        return true;
    }
}
