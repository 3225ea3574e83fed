// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>A new layer-1 block, as a blockchain adapter reports it.</summary>
/// <param name="Height">Layer-1 height.</param>
/// <param name="BlockHash">Layer-1 block hash (not zero).</param>
/// <param name="Timestamp">The block's timestamp, Unix seconds (signed into the block attestation).</param>
/// <param name="Beacon">The verified randomness-beacon value for the block, or null.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.BlockAnnouncement")]
public sealed record BlockAnnouncement(
    [property: Id(0)] ulong Height,
    [property: Id(1)] Hash32 BlockHash,
    [property: Id(2)] ulong Timestamp,
    [property: Id(3)] Hash32? Beacon = null);
