// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>
/// The answer to a <see cref="ChainEnrollment"/>: the chain's stable group and region, or — when a
/// block was recorded after the anchor was read — <see cref="IsStale"/> with the new latest block to re-anchor to.
/// </summary>
/// <param name="IsStale">True when the anchor is no longer the latest block; nothing was enrolled.</param>
/// <param name="GroupId">The group (valid when not stale).</param>
/// <param name="RegionId">The region (valid when not stale).</param>
/// <param name="ActivationHeight">The chain's first block: anchor + 1 (valid when not stale).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainPlacement")]
public sealed record ChainPlacement(
    [property: Id(0)] bool IsStale,
    [property: Id(1)] uint GroupId,
    [property: Id(2)] uint RegionId,
    [property: Id(3)] ulong ActivationHeight);
