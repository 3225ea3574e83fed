// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Serialization;

/// <summary>Converts <see cref="Hash32"/> to and from its <see cref="Hash32Surrogate"/> (big-endian words, allocation-free).</summary>
[RegisterConverter]
public sealed class Hash32SurrogateConverter : IConverter<Hash32, Hash32Surrogate>
{
    /// <inheritdoc/>
    public Hash32 ConvertFromSurrogate(in Hash32Surrogate surrogate)
    {
        Span<byte> bytes = stackalloc byte[Hash32.Size];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, surrogate.Word0);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], surrogate.Word1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], surrogate.Word2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], surrogate.Word3);
        return new Hash32(bytes);
    }

    /// <inheritdoc/>
    public Hash32Surrogate ConvertToSurrogate(in Hash32 value)
    {
        ReadOnlySpan<byte> bytes = value.Bytes;
        return new Hash32Surrogate
        {
            Word0 = BinaryPrimitives.ReadUInt64BigEndian(bytes),
            Word1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            Word2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            Word3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
        };
    }
}
