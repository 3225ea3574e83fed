// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Checkpoints;

/// <summary>
/// A verifier's signed verdict on one prover checkpoint: whether it restates the block record the
/// verifier verified at its height. It names both signed byte strings by hash (the checkpoint's bytes, and
/// the digest the prover signed for the block record), so anyone holding the evidence checks the verdict.
/// <code>
/// offset size field
///      0    1 version            1
///      1   32 verifier_key
///     33   32 prover_key
///     65    8 height             u64
///     73   32 checkpoint_hash    SHA-256 of the checkpoint's signed bytes
///    105   32 record_digest      BlockAttestation.SigningDigest(prover) of the verified block record
///    137    1 verdict            1 consistent, 2 inconsistent
///    138   64 signature          Ed25519 over H(u8 24 ‖ "posc/v1/checkpoint-audit" ‖ bytes 0..138)
/// </code>
/// </summary>
public sealed record CheckpointAuditReport(
    ProverPublicKey Verifier,
    ProverPublicKey Prover,
    ulong Height,
    Hash32 CheckpointHash,
    Hash32 RecordDigest,
    bool Consistent)
{
    /// <summary>Bytes of the signed body.</summary>
    public const int BodySize = 138;

    /// <summary>Bytes of a signed report.</summary>
    public const int EncodedSize = BodySize + NodeKey.SignatureSize;

    /// <summary>Signs the report with the verifier's key; returns the 202 bytes.</summary>
    /// <exception cref="ArgumentException">The key is not <see cref="Verifier"/>.</exception>
    public byte[] Sign(NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.PublicKey != Verifier)
        {
            throw Error.Invalid(nameof(key), $"the report names verifier {Verifier}; the key is {key.PublicKey}.");
        }

        byte[] encoded = new byte[EncodedSize];
        ProtocolWriter writer = new(encoded.AsSpan(0, BodySize));
        writer.WriteByte(1);
        writer.WriteHash(Verifier.AsHash32());
        writer.WriteHash(Prover.AsHash32());
        writer.WriteUInt64(Height);
        writer.WriteHash(CheckpointHash);
        writer.WriteHash(RecordDigest);
        writer.WriteByte(Consistent ? (byte)1 : (byte)2);
        key.Sign(Digest(encoded.AsSpan(0, BodySize)).Bytes, encoded.AsSpan(BodySize));
        return encoded;
    }

    /// <summary>The report in <paramref name="encoded"/> if it is well formed and signed by the key it names (and <paramref name="expectedVerifier"/> when given); else null.</summary>
    public static CheckpointAuditReport? DecodeVerified(ReadOnlySpan<byte> encoded, ProverPublicKey? expectedVerifier = null)
    {
        if (encoded.Length != EncodedSize || encoded[0] != 1 || encoded[137] is not (1 or 2))
        {
            return null;
        }

        ProtocolReader reader = new(encoded[..BodySize]);
        _ = reader.ReadByte("version");
        CheckpointAuditReport report = new(
            new ProverPublicKey(reader.ReadHash("verifier_key").Bytes),
            new ProverPublicKey(reader.ReadHash("prover_key").Bytes),
            reader.ReadUInt64("height"),
            reader.ReadHash("checkpoint_hash"),
            reader.ReadHash("record_digest"),
            reader.ReadByte("verdict") == 1);
        if (expectedVerifier is { } expected && expected != report.Verifier)
        {
            return null;
        }

        return NodeKey.Verify(report.Verifier, Digest(encoded[..BodySize]).Bytes, encoded[BodySize..]) ? report : null;
    }

    private static Hash32 Digest(ReadOnlySpan<byte> body)
    {
        Span<byte> buffer = stackalloc byte[1 + 24 + BodySize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.CheckpointAudit);
        writer.WriteBytes(body);
        return writer.Hash();
    }
}
