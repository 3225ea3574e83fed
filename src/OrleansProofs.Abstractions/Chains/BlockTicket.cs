// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>
/// What a chain needs to commit at one block. <paramref name="Missed"/> lists, in height order, the
/// blocks between the chain's head and <paramref name="Height"/> that it did not cover; the chain
/// records an explicit gap for each before committing (a skipped height without its block hash is
/// rejected, never silently bridged).
/// </summary>
/// <param name="Height">Layer-1 height.</param>
/// <param name="BlockHash">Layer-1 block hash.</param>
/// <param name="BlockEntropy">The block's entropy (H(entropy tag ‖ block hash ‖ beacon or zero ‖ height)).</param>
/// <param name="ChunksPerBlock">Chunks to read (the network's consensus parameter).</param>
/// <param name="Missed">Skipped blocks to record as gaps; empty normally.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.BlockTicket")]
public sealed record BlockTicket(
    [property: Id(0)] ulong Height,
    [property: Id(1)] Hash32 BlockHash,
    [property: Id(2)] Hash32 BlockEntropy,
    [property: Id(3)] int ChunksPerBlock,
    [property: Id(4)] ImmutableArray<BlockRef> Missed);
