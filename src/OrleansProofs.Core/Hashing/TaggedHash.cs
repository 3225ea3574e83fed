// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Hashing;

/// <summary>
/// Domain-separated SHA-256: <c>SHA-256(u8 len(tag) ‖ tag ‖ body)</c>. Structures with fixed fields
/// build their body with <see cref="Encoding.ProtocolWriter"/> (tag included) and hash it once;
/// this helper is for a body that already sits in one buffer, such as a 4,096-byte chunk, so it is
/// hashed in place without a copy.
/// </summary>
public static class TaggedHash
{
    /// <summary>Hashes <paramref name="body"/> under <paramref name="tag"/>.</summary>
    public static Hash32 Compute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> body)
    {
        if (tag.Length is 0 or > 255)
        {
            throw Error.OutOfRange(nameof(tag), tag.Length, "must be 1 to 255 ASCII bytes");
        }

        Span<byte> prefix = stackalloc byte[256];
        prefix[0] = (byte)tag.Length;
        tag.CopyTo(prefix[1..]);
        return Sha256.HashConcat(prefix[..(1 + tag.Length)], body);
    }
}
