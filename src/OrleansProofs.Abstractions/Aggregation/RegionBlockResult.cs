// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Aggregation;

/// <summary>One region's outcome at a block.</summary>
/// <param name="RegionId">The region.</param>
/// <param name="Root">The region root (after the region level's iterated hash).</param>
/// <param name="Groups">Its groups' outcomes, by ascending group id.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.RegionBlockResult")]
public sealed record RegionBlockResult(
    [property: Id(0)] uint RegionId,
    [property: Id(1)] Hash32 Root,
    [property: Id(2)] ImmutableArray<GroupBlockResult> Groups);
