// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Beacon;

/// <summary>
/// The development randomness beacon: the beacon's key holder signs each height, and the beacon value
/// is the hash of that signature. Anyone who knows the beacon's public key checks a value with
/// <see cref="Verify"/> (the proof is the signature), and nobody without the private key can compute a
/// future value, so a prover cannot pre-compute selections past the blocks it has seen.
/// <para>
/// <c>message = H(u8 22 ‖ "posc/v1/beacon-message" ‖ beacon_public_key(32) ‖ u64 height)</c> (63 bytes hashed);
/// <c>proof = Ed25519(beacon key, message)</c> (64 bytes);
/// <c>value = H(u8 20 ‖ "posc/v1/beacon-value" ‖ proof)</c> (85 bytes hashed).
/// </para>
/// <para>
/// Limit (docs/security.md): an Ed25519 signature is not unique to its message (the signer chooses the
/// nonce), so the key holder could pick among many valid values for a height. The beacon must therefore
/// not collude with a prover; a production beacon should have unique outputs (a VRF, or a threshold BLS
/// beacon such as drand) behind the same adapter.
/// </para>
/// </summary>
public static class SignedBeacon
{
    /// <summary>Bytes of a proof (an Ed25519 signature).</summary>
    public const int ProofSize = NodeKey.SignatureSize;

    /// <summary>Bytes hashed for the signed message.</summary>
    private const int MessageSize = 1 + 22 + Hash32.Size + 8;

    /// <summary>Bytes hashed for the value.</summary>
    private const int ValueInputSize = 1 + 20 + ProofSize;

    /// <summary>The 32-byte digest the beacon key signs for <paramref name="height"/>.</summary>
    public static Hash32 Message(ProverPublicKey beaconKey, ulong height)
    {
        Span<byte> buffer = stackalloc byte[MessageSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.BeaconMessage);
        writer.WriteHash(beaconKey.AsHash32());
        writer.WriteUInt64(height);
        return writer.Hash();
    }

    /// <summary>The value a proof stands for: <c>H(tag ‖ proof)</c>.</summary>
    /// <exception cref="ArgumentException">The proof is not <see cref="ProofSize"/> bytes.</exception>
    public static Hash32 ValueOf(ReadOnlySpan<byte> proof)
    {
        if (proof.Length != ProofSize)
        {
            throw Error.WrongLength(nameof(proof), ProofSize, proof.Length);
        }

        Span<byte> buffer = stackalloc byte[ValueInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.BeaconValue);
        writer.WriteBytes(proof);
        return writer.Hash();
    }

    /// <summary>The beacon output at <paramref name="height"/>: its value and its proof (the signature).</summary>
    public static (Hash32 Value, byte[] Proof) Produce(NodeKey beaconKey, ulong height)
    {
        ArgumentNullException.ThrowIfNull(beaconKey);
        byte[] proof = beaconKey.Sign(Message(beaconKey.PublicKey, height).Bytes);
        return (ValueOf(proof), proof);
    }

    /// <summary>
    /// True when <paramref name="proof"/> is the beacon's signature for <paramref name="height"/> and
    /// <paramref name="value"/> is the value it stands for; false for any other input, of any length.
    /// </summary>
    public static bool Verify(ProverPublicKey beaconKey, ulong height, in Hash32 value, ReadOnlySpan<byte> proof) =>
        proof.Length == ProofSize
        && ValueOf(proof) == value
        && NodeKey.Verify(beaconKey, Message(beaconKey, height).Bytes, proof);
}
