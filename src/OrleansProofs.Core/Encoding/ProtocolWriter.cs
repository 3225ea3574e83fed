// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Encoding;

/// <summary>
/// Writes protocol fields into a caller-owned buffer (usually <c>stackalloc</c>): integers big-endian
/// and fixed-width, hashes as their 32 raw bytes, tags as <c>u8 length ‖ ASCII</c>. Every byte layout
/// in docs/protocol.md is produced by a sequence of these calls.
/// </summary>
public ref struct ProtocolWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    /// <summary>Starts writing at the beginning of <paramref name="buffer"/>.</summary>
    public ProtocolWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    /// <summary>Size of a tag prefix for <paramref name="tag"/>.</summary>
    public static int TagSize(ReadOnlySpan<byte> tag) => 1 + tag.Length;

    /// <summary>Writes <c>u8 length ‖ tag</c>.</summary>
    public void WriteTag(ReadOnlySpan<byte> tag)
    {
        if (tag.Length is 0 or > 255)
        {
            throw Error.OutOfRange(nameof(tag), tag.Length, "must be 1 to 255 ASCII bytes");
        }

        _buffer[_position] = (byte)tag.Length;
        tag.CopyTo(_buffer[(_position + 1)..]);
        _position += 1 + tag.Length;
    }

    /// <summary>Writes a 32-byte hash.</summary>
    public void WriteHash(in Hash32 value)
    {
        value.Bytes.CopyTo(_buffer[_position..]);
        _position += Hash32.Size;
    }

    /// <summary>Writes raw bytes as they are.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer[_position..]);
        _position += value.Length;
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value)
    {
        _buffer[_position] = value;
        _position += 1;
    }

    /// <summary>Writes a big-endian u16.</summary>
    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_position..], value);
        _position += 2;
    }

    /// <summary>Writes a big-endian u32.</summary>
    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[_position..], value);
        _position += 4;
    }

    /// <summary>Writes a big-endian u64.</summary>
    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer[_position..], value);
        _position += 8;
    }

    /// <summary>Writes a big-endian i64.</summary>
    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer[_position..], value);
        _position += 8;
    }

    /// <summary>Hashes what has been written so far.</summary>
    public readonly Hash32 Hash() => Sha256.Hash(Written);
}
