// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>A page of the roster (<see cref="IBlockIngressGrain.ListChainsAsync"/>).</summary>
/// <param name="Items">The chains, ascending by chain id.</param>
/// <param name="Next">The cursor of the next page (the last item's id), or null when this page is the last.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainPage")]
public sealed record ChainPage(
    [property: Id(0)] ImmutableArray<ChainListEntry> Items,
    [property: Id(1)] Hash32? Next);
