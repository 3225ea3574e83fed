// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>
/// Where a block's time went on this node (reported for operators; never trusted by a verifier).
/// </summary>
/// <param name="Commit">Fan-out until every chain's commit was durable.</param>
/// <param name="Hierarchy">Group, region and global roots.</param>
/// <param name="Sign">Signing the block attestation.</param>
/// <param name="Total">The whole block, persistence included.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.BlockTimings")]
public sealed record BlockTimings(
    [property: Id(0)] TimeSpan Commit,
    [property: Id(1)] TimeSpan Hierarchy,
    [property: Id(2)] TimeSpan Sign,
    [property: Id(3)] TimeSpan Total);
