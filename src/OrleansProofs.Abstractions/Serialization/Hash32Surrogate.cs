// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Serialization;

/// <summary>
/// Wire form of a Core <see cref="Core.Hashing.Hash32"/>: its 32 bytes as four big-endian 64-bit
/// words, so a hash travels as a fixed-size value without a byte-array allocation.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.Hash32")]
public readonly struct Hash32Surrogate
{
    /// <summary>Bytes 0..7.</summary>
    [Id(0)] public ulong Word0 { get; init; }

    /// <summary>Bytes 8..15.</summary>
    [Id(1)] public ulong Word1 { get; init; }

    /// <summary>Bytes 16..23.</summary>
    [Id(2)] public ulong Word2 { get; init; }

    /// <summary>Bytes 24..31.</summary>
    [Id(3)] public ulong Word3 { get; init; }
}
