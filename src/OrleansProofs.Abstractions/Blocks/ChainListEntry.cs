// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>One chain as the roster knows it.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Status">Its status at the latest recorded block (pending until a block covers it).</param>
/// <param name="GroupId">Its stable group.</param>
/// <param name="RegionId">Its region.</param>
/// <param name="AnchorHeight">The block it is anchored to; it is covered from the next one.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainListEntry")]
public sealed record ChainListEntry(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] ChainStatus Status,
    [property: Id(2)] uint GroupId,
    [property: Id(3)] uint RegionId,
    [property: Id(4)] ulong AnchorHeight);
