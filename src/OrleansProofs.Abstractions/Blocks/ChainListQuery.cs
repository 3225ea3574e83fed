// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>One page of the roster, in ascending chain id order.</summary>
/// <param name="Status">Only chains in this status; null for every chain.</param>
/// <param name="After">The cursor: only chain ids greater than this (the previous page's <see cref="ChainPage.Next"/>); null from the start.</param>
/// <param name="Limit">Most chains on the page: 1 to <see cref="MaxLimit"/>.</param>
/// <param name="CoveredAt">
/// Only the chains the block at this height covers (the chains its signed record counts in <c>TotalChains</c>), whatever
/// their status now; null for no such filter. The height must be a retained block; not combined with <paramref name="Status"/>.
/// </param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainListQuery")]
public sealed record ChainListQuery(
    [property: Id(0)] ChainStatus? Status,
    [property: Id(1)] Hash32? After,
    [property: Id(2)] int Limit,
    [property: Id(3)] ulong? CoveredAt = null)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;
}
