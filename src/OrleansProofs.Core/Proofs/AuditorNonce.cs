// SPDX-License-Identifier: MIT

using System.Security.Cryptography;

namespace OrleansProofs.Core.Proofs;

/// <summary>An auditor's 12-byte challenge nonce, echoed in the ultra-compact claim so a claim cannot be replayed to another audit.</summary>
public readonly struct AuditorNonce : IEquatable<AuditorNonce>
{
    /// <summary>Size in bytes.</summary>
    public const int Size = 12;

    private readonly ulong _high;
    private readonly uint _low;

    /// <summary>Wraps exactly 12 bytes.</summary>
    /// <exception cref="ArgumentException">Not 12 bytes.</exception>
    public AuditorNonce(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw Error.WrongLength(nameof(bytes), Size, bytes.Length);
        }

        _high = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _low = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]);
    }

    /// <summary>The all-zero nonce (no auditor).</summary>
    public static AuditorNonce None => default;

    /// <summary>A fresh random nonce from the OS CSPRNG.</summary>
    public static AuditorNonce Random() => new(RandomNumberGenerator.GetBytes(Size));

    /// <summary>Parses 24 hex characters.</summary>
    /// <exception cref="ArgumentException">Not 24 hex characters.</exception>
    public static AuditorNonce Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 2 * Size || !hex.All(Uri.IsHexDigit))
        {
            throw Error.Invalid(nameof(hex), $"an auditor nonce is {2 * Size} hexadecimal characters; got '{hex}'.");
        }

        return new AuditorNonce(Convert.FromHexString(hex));
    }

    /// <summary>The 12 bytes, big-endian as written.</summary>
    public byte[] Bytes
    {
        get
        {
            byte[] bytes = new byte[Size];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, _high);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), _low);
            return bytes;
        }
    }

    /// <inheritdoc/>
    public bool Equals(AuditorNonce other) => _high == other._high && _low == other._low;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AuditorNonce other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <summary>Lower-case hex.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);

    /// <summary>Equality.</summary>
    public static bool operator ==(AuditorNonce left, AuditorNonce right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(AuditorNonce left, AuditorNonce right) => !left.Equals(right);
}
