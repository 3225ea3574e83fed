// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>One stored replica chunk opened for a full proof or a challenge: its bytes and its leaf's Merkle path to the replica root.</summary>
/// <param name="Index">The chunk index.</param>
/// <param name="Chunk">The stored (encoded) chunk, 4,096 bytes.</param>
/// <param name="Path">The leaf's Merkle path to the replica root.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChunkOpeningData")]
public sealed record ChunkOpeningData(
    [property: Id(0)] ulong Index,
    [property: Id(1)] ImmutableArray<byte> Chunk,
    [property: Id(2)] ImmutableArray<Hash32> Path);
