// SPDX-License-Identifier: MIT
// Signed availability report — docs/protocol.md §9.4; 217 bytes: 153 bytes of fields, then the verifier's Ed25519 signature over their tagged hash.

using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Challenges;

/// <summary>
/// A verifier's signed statement about one availability challenge: who asked whom, at which block,
/// about which chunk with which nonce, what came of it and the round trip the verifier itself measured.
/// Encoded as <c>verifier_key(32) ‖ prover_key(32) ‖ u64 height ‖ chain_id(32) ‖ u64 chunk_index ‖
/// nonce(32) ‖ u8 outcome ‖ u64 round_trip_us ‖ signature(64)</c> (217 bytes, integers big-endian); the
/// signature is Ed25519 by the verifier's node key over
/// <c>H(u8 27 ‖ "posc/v1/availability-report" ‖ the first 153 bytes)</c>. Anyone with the verifier's
/// public key can check it; a prover cannot forge or alter one.
/// </summary>
/// <param name="Verifier">The measuring verifier's public key (the signer).</param>
/// <param name="Prover">The challenged prover's public key.</param>
/// <param name="Height">The layer-1 block the challenge was drawn at.</param>
/// <param name="ChainId">The challenged chain.</param>
/// <param name="ChunkIndex">The challenged chunk.</param>
/// <param name="Nonce">The challenge's nonce.</param>
/// <param name="Outcome">What came of it.</param>
/// <param name="RoundTripMicroseconds">The round trip the verifier measured around its request, in microseconds (the request's timeout when no answer came).</param>
public sealed record AvailabilityReport(
    ProverPublicKey Verifier,
    ProverPublicKey Prover,
    ulong Height,
    Hash32 ChainId,
    ulong ChunkIndex,
    Hash32 Nonce,
    AvailabilityOutcome Outcome,
    ulong RoundTripMicroseconds)
{
    /// <summary>Bytes of the signed fields.</summary>
    public const int FieldsSize = 32 + 32 + 8 + 32 + 8 + 32 + 1 + 8;

    /// <summary>Bytes of an encoded, signed report.</summary>
    public const int EncodedSize = FieldsSize + NodeKey.SignatureSize;

    /// <summary>Bytes hashed for the signing digest: tag prefix and fields.</summary>
    private const int DigestInputSize = 1 + 27 + FieldsSize;

    /// <summary>The 32-byte digest the verifier signs.</summary>
    public Hash32 SigningDigest()
    {
        Span<byte> buffer = stackalloc byte[DigestInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.AvailabilityReport);
        WriteFields(ref writer);
        Debug.Assert(writer.Position == DigestInputSize);
        return writer.Hash();
    }

    /// <summary>Signs the report with the verifier's key and returns its 217-byte encoding.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not the key of <see cref="Verifier"/>.</exception>
    public byte[] Sign(NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.PublicKey != Verifier)
        {
            throw Error.Invalid(nameof(key), $"the signing key {key.PublicKey} is not the report's verifier {Verifier}.");
        }

        byte[] encoded = new byte[EncodedSize];
        ProtocolWriter writer = new(encoded);
        WriteFields(ref writer);
        key.Sign(SigningDigest().Bytes, encoded.AsSpan(FieldsSize));
        return encoded;
    }

    /// <summary>Decodes a signed report without checking its signature (see <see cref="TryVerify"/>).</summary>
    /// <exception cref="FormatException">Wrong length, or an undefined outcome byte.</exception>
    public static AvailabilityReport Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != EncodedSize)
        {
            throw new FormatException($"An availability report is exactly {EncodedSize} bytes; got {encoded.Length}.");
        }

        ProtocolReader reader = new(encoded[..FieldsSize]);
        ProverPublicKey verifier = new(reader.ReadHash("verifier_key").Bytes);
        ProverPublicKey prover = new(reader.ReadHash("prover_key").Bytes);
        ulong height = reader.ReadUInt64("height");
        Hash32 chainId = reader.ReadHash("chain_id");
        ulong index = reader.ReadUInt64("chunk_index");
        Hash32 nonce = reader.ReadHash("nonce");
        byte outcome = reader.ReadByte("outcome");
        if (outcome > (byte)AvailabilityJudge.MaxOutcome)
        {
            throw new FormatException($"outcome {outcome} is not a defined availability outcome (0 to {(byte)AvailabilityJudge.MaxOutcome}).");
        }

        ulong roundTrip = reader.ReadUInt64("round_trip_us");
        return new AvailabilityReport(verifier, prover, height, chainId, index, nonce, (AvailabilityOutcome)outcome, roundTrip);
    }

    /// <summary>
    /// Decodes <paramref name="encoded"/> and checks its signature against the verifier key it names
    /// and, when given, against <paramref name="expectedVerifier"/>. False for any malformed input,
    /// another verifier, or a signature that does not match (any flipped bit).
    /// </summary>
    public static bool TryVerify(ReadOnlySpan<byte> encoded, ProverPublicKey? expectedVerifier, out AvailabilityReport? report)
    {
        report = null;
        AvailabilityReport decoded;
        try
        {
            decoded = Decode(encoded);
        }
        catch (FormatException)
        {
            return false;
        }

        if (expectedVerifier is { } expected && expected != decoded.Verifier)
        {
            return false;
        }

        if (!NodeKey.Verify(decoded.Verifier, decoded.SigningDigest().Bytes, encoded[FieldsSize..]))
        {
            return false;
        }

        report = decoded;
        return true;
    }

    private void WriteFields(ref ProtocolWriter writer)
    {
        writer.WriteHash(Verifier.AsHash32());
        writer.WriteHash(Prover.AsHash32());
        writer.WriteUInt64(Height);
        writer.WriteHash(ChainId);
        writer.WriteUInt64(ChunkIndex);
        writer.WriteHash(Nonce);
        writer.WriteByte((byte)Outcome);
        writer.WriteUInt64(RoundTripMicroseconds);
    }
}
