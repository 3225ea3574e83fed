// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>One page of the roster, in ascending chain id order.</summary>
/// <param name="Status">Only chains in this status; null for every chain.</param>
/// <param name="After">The cursor: only chain ids greater than this (the previous page's <see cref="ChainPage.Next"/>); null from the start.</param>
/// <param name="Limit">Most chains on the page: 1 to <see cref="MaxLimit"/>.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainListQuery")]
public sealed record ChainListQuery(
    [property: Id(0)] ChainStatus? Status,
    [property: Id(1)] Hash32? After,
    [property: Id(2)] int Limit)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;
}
