// SPDX-License-Identifier: MIT
// Latency probe request — docs/protocol.md §12.1; 208 bytes: 144 bytes of fields, then the requesting verifier's Ed25519 signature over their tagged hash.

using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Latency;

/// <summary>
/// A verifier's request that a peer verifier time one data-dependent probe of a prover: the
/// <paramref name="Challenge"/> is an availability challenge (the answer needs the chunk's bytes bound to
/// the requester's fresh nonce), drawn by the requester at block <paramref name="Height"/>. Encoded as
/// <c>requester_key(32) ‖ prover_key(32) ‖ u64 height ‖ chain_id(32) ‖ u64 chunk_index ‖ nonce(32) ‖
/// signature(64)</c> (208 bytes), signed by the requester over <c>H(u8 21 ‖ "posc/v1/latency-probe" ‖ the
/// first 144 bytes)</c>, so a peer times probes only for the verifiers it is configured to serve.
/// </summary>
/// <param name="Requester">The requesting verifier (the signer).</param>
/// <param name="Prover">The prover to probe.</param>
/// <param name="Height">The block the requester drew the probe at.</param>
/// <param name="Challenge">The chunk to ask for and the requester's nonce.</param>
public sealed record LatencyProbe(ProverPublicKey Requester, ProverPublicKey Prover, ulong Height, AvailabilityChallenge Challenge)
{
    /// <summary>Bytes of the signed fields.</summary>
    public const int FieldsSize = 32 + 32 + 8 + 32 + 8 + 32;

    /// <summary>Bytes of an encoded, signed probe request.</summary>
    public const int EncodedSize = FieldsSize + NodeKey.SignatureSize;

    /// <summary>Signs the request with the requester's key and returns its 208-byte encoding.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not the key of <see cref="Requester"/>.</exception>
    public byte[] Sign(NodeKey key)
    {
        Span<byte> fields = stackalloc byte[FieldsSize];
        ProtocolWriter writer = new(fields);
        WriteFields(ref writer, Requester, Prover, Height, Challenge);
        return SignedFields.Sign(key, Requester, "requester", DomainTags.LatencyProbe, fields);
    }

    /// <summary>Decodes a signed request without checking its signature (see <see cref="TryVerify"/>).</summary>
    /// <exception cref="FormatException">Wrong length.</exception>
    public static LatencyProbe Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != EncodedSize)
        {
            throw new FormatException($"A latency probe request is exactly {EncodedSize} bytes; got {encoded.Length}.");
        }

        ProtocolReader reader = new(encoded[..FieldsSize]);
        return ReadFields(ref reader);
    }

    /// <summary>Decodes <paramref name="encoded"/> and checks the requester's signature; false for malformed input or any flipped bit.</summary>
    public static bool TryVerify(ReadOnlySpan<byte> encoded, out LatencyProbe? probe)
    {
        probe = null;
        LatencyProbe decoded;
        try
        {
            decoded = Decode(encoded);
        }
        catch (FormatException)
        {
            return false;
        }

        if (!SignedFields.Verify(decoded.Requester, DomainTags.LatencyProbe, encoded, FieldsSize))
        {
            return false;
        }

        probe = decoded;
        return true;
    }

    /// <summary>Reads the 144 probe fields (shared with <see cref="LatencyMeasurement"/>).</summary>
    internal static LatencyProbe ReadFields(ref ProtocolReader reader)
    {
        ProverPublicKey requester = new(reader.ReadHash("requester_key").Bytes);
        ProverPublicKey prover = new(reader.ReadHash("prover_key").Bytes);
        ulong height = reader.ReadUInt64("height");
        Hash32 chainId = reader.ReadHash("chain_id");
        ulong index = reader.ReadUInt64("chunk_index");
        Hash32 nonce = reader.ReadHash("nonce");
        return new LatencyProbe(requester, prover, height, new AvailabilityChallenge(chainId, index, nonce));
    }

    /// <summary>Writes the 144 probe fields (shared with <see cref="LatencyMeasurement"/>, which repeats them).</summary>
    internal static void WriteFields(ref ProtocolWriter writer, ProverPublicKey requester, ProverPublicKey prover, ulong height, AvailabilityChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        writer.WriteHash(requester.AsHash32());
        writer.WriteHash(prover.AsHash32());
        writer.WriteUInt64(height);
        writer.WriteHash(challenge.ChainId);
        writer.WriteUInt64(challenge.ChunkIndex);
        writer.WriteHash(challenge.Nonce);
    }
}
