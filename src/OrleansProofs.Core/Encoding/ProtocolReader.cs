// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Encoding;

/// <summary>
/// Reads protocol fields from a buffer, big-endian and fixed-width, the mirror of
/// <see cref="ProtocolWriter"/>. Reading past the end throws a <see cref="FormatException"/> naming
/// the field, so decoders report truncation precisely.
/// </summary>
public ref struct ProtocolReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    /// <summary>Starts reading at the beginning of <paramref name="buffer"/>.</summary>
    public ProtocolReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left to read.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>Reads a 32-byte hash.</summary>
    public Hash32 ReadHash(string field) => new(Take(Hash32.Size, field));

    /// <summary>Reads <paramref name="length"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes(int length, string field) => Take(length, field);

    /// <summary>Reads one byte.</summary>
    public byte ReadByte(string field) => Take(1, field)[0];

    /// <summary>Reads a big-endian u16.</summary>
    public ushort ReadUInt16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));

    /// <summary>Reads a big-endian u32.</summary>
    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    /// <summary>Reads a big-endian u64.</summary>
    public ulong ReadUInt64(string field) => BinaryPrimitives.ReadUInt64BigEndian(Take(8, field));

    /// <summary>Reads a big-endian i64.</summary>
    public long ReadInt64(string field) => BinaryPrimitives.ReadInt64BigEndian(Take(8, field));

    /// <summary>Throws unless every byte was consumed (trailing bytes are malformed input).</summary>
    public readonly void EnsureEnd(string structure)
    {
        if (_position != _buffer.Length)
        {
            throw new FormatException($"{structure}: {Remaining} unexpected trailing byte(s) after offset {_position}.");
        }
    }

    private ReadOnlySpan<byte> Take(int length, string field)
    {
        if (length < 0 || length > Remaining)
        {
            throw new FormatException($"Truncated input: field '{field}' needs {length} byte(s) at offset {_position}, {Remaining} left.");
        }

        ReadOnlySpan<byte> slice = _buffer.Slice(_position, length);
        _position += length;
        return slice;
    }
}
