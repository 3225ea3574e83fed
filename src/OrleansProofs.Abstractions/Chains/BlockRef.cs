// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>A layer-1 block by height and hash.</summary>
/// <param name="Height">The height.</param>
/// <param name="BlockHash">The block hash.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.BlockRef")]
public sealed record BlockRef([property: Id(0)] ulong Height, [property: Id(1)] Hash32 BlockHash);
