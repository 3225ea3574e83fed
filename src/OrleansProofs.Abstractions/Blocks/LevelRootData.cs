// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>One group's or region's root at a block.</summary>
/// <param name="Id">The group or region id.</param>
/// <param name="Root">Its root (after the level's iterated hash).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.LevelRootData")]
public sealed record LevelRootData([property: Id(0)] uint Id, [property: Id(1)] Hash32 Root);
