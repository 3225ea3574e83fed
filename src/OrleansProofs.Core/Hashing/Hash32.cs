// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OrleansProofs.Core.Hashing;

/// <summary>
/// A 32-byte value: a SHA-256 digest, a Merkle root, a commitment or a chain id.
/// Ordering is lexicographic over the bytes, which is the order every protocol sort uses.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 8)]
public readonly struct Hash32 : IEquatable<Hash32>, IComparable<Hash32>, ISpanFormattable
{
    /// <summary>The size of the value in bytes.</summary>
    public const int Size = 32;

    private readonly Vector256<byte> _bytes;

    /// <summary>Creates a value from exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public Hash32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw Error.WrongLength(nameof(bytes), Size, bytes.Length);
        }

        _bytes = Vector256.Create(bytes);
    }

    /// <summary>The all-zero value, used where the protocol says "none" (no beacon, no previous root).</summary>
    public static Hash32 Zero => default;

    /// <summary>The 32 bytes of the value.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(new ReadOnlySpan<Vector256<byte>>(in _bytes));

    /// <summary>True when every byte is zero.</summary>
    public bool IsZero => _bytes == Vector256<byte>.Zero;

    /// <summary>Parses 64 hexadecimal characters (either case).</summary>
    /// <exception cref="ArgumentException"><paramref name="hex"/> is not 64 hex characters.</exception>
    public static Hash32 Parse(ReadOnlySpan<char> hex)
    {
        if (!TryParse(hex, out Hash32 value))
        {
            throw new ArgumentException(
                $"A 32-byte value must be 64 hexadecimal characters; got {hex.Length} characters" +
                (hex.Length == 2 * Size ? " with a non-hex character." : "."),
                nameof(hex));
        }

        return value;
    }

    /// <summary>Parses 64 hexadecimal characters; false when the text is not exactly that.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out Hash32 value)
    {
        Span<byte> buffer = stackalloc byte[Size];
        if (hex.Length != 2 * Size || Convert.FromHexString(hex, buffer, out _, out int written) != System.Buffers.OperationStatus.Done || written != Size)
        {
            value = default;
            return false;
        }

        value = new Hash32(buffer);
        return true;
    }

    /// <summary>Copies the 32 bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw Error.TooShort(nameof(destination), Size, destination.Length);
        }

        Bytes.CopyTo(destination);
    }

    /// <summary>Returns a new array holding the 32 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public bool Equals(Hash32 other) => _bytes == other._bytes;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        // The value is already uniformly distributed; 4 bytes of it are a good hash code.
        return MemoryMarshal.Read<int>(Bytes);
    }

    /// <inheritdoc/>
    public int CompareTo(Hash32 other) => Bytes.SequenceCompareTo(other.Bytes);

    /// <summary>Lower-case hexadecimal, 64 characters.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < 2 * Size)
        {
            charsWritten = 0;
            return false;
        }

        return Convert.TryToHexStringLower(Bytes, destination, out charsWritten);
    }

    /// <summary>Equality of all 32 bytes.</summary>
    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    /// <summary>Inequality of any byte.</summary>
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);

    /// <summary>Lexicographic order.</summary>
    public static bool operator <(Hash32 left, Hash32 right) => left.CompareTo(right) < 0;

    /// <summary>Lexicographic order.</summary>
    public static bool operator >(Hash32 left, Hash32 right) => left.CompareTo(right) > 0;

    /// <summary>Lexicographic order.</summary>
    public static bool operator <=(Hash32 left, Hash32 right) => left.CompareTo(right) <= 0;

    /// <summary>Lexicographic order.</summary>
    public static bool operator >=(Hash32 left, Hash32 right) => left.CompareTo(right) >= 0;

    /// <summary>Reads a value from the first 32 bytes of <paramref name="source"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Hash32 ReadFrom(ReadOnlySpan<byte> source) => new(source[..Size]);
}
