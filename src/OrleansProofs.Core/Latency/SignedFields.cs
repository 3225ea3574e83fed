// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Latency;

/// <summary>
/// The envelope the latency records share: <c>fields ‖ signature(64)</c>, the signature Ed25519 by the
/// signer's node key over <c>H(u8 len(tag) ‖ tag ‖ fields)</c>. Each record writes and reads its own fields;
/// decoding is canonical (every byte of the fields is read back into the record), so re-encoding gives
/// the signed bytes and a verified record is exactly what was signed.
/// </summary>
internal static class SignedFields
{
    /// <summary>Appends <paramref name="key"/>'s signature over the tagged fields.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not <paramref name="signer"/>'s key.</exception>
    public static byte[] Sign(NodeKey key, ProverPublicKey signer, string role, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> fields)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.PublicKey != signer)
        {
            throw Error.Invalid(nameof(key), $"the signing key {key.PublicKey} is not the record's {role} {signer}.");
        }

        byte[] encoded = new byte[fields.Length + NodeKey.SignatureSize];
        fields.CopyTo(encoded);
        key.Sign(TaggedHash.Compute(tag, fields).Bytes, encoded.AsSpan(fields.Length));
        return encoded;
    }

    /// <summary>Whether <paramref name="encoded"/>'s signature (after <paramref name="fieldsSize"/> bytes) is <paramref name="signer"/>'s over the tagged fields.</summary>
    public static bool Verify(ProverPublicKey signer, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> encoded, int fieldsSize) =>
        encoded.Length == fieldsSize + NodeKey.SignatureSize
        && NodeKey.Verify(signer, TaggedHash.Compute(tag, encoded[..fieldsSize]).Bytes, encoded[fieldsSize..]);
}
