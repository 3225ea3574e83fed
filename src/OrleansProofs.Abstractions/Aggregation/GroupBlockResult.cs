// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Aggregation;

/// <summary>One group's outcome at a block.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Root">The group root (after the group level's iterated hash).</param>
/// <param name="Members">Chains committed.</param>
/// <param name="Gaps">Members whose record at the block is a gap (a fault).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.GroupBlockResult")]
public sealed record GroupBlockResult(
    [property: Id(0)] uint GroupId,
    [property: Id(1)] Hash32 Root,
    [property: Id(2)] int Members,
    [property: Id(3)] int Gaps);
