// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>A network's roster and block horizon as its ingress knows them.</summary>
/// <param name="TotalChains">Chains enrolled.</param>
/// <param name="ActiveChains">Chains covered by the latest block.</param>
/// <param name="PendingChains">Chains enrolled at the latest block, active from the next.</param>
/// <param name="TotalGroups">Non-empty groups.</param>
/// <param name="TotalRegions">Non-empty regions.</param>
/// <param name="LatestHeight">The latest recorded height, or null before the first block.</param>
/// <param name="OldestRetainedHeight">The oldest retained block record's height, or null.</param>
/// <param name="RetainedBlocks">Block records retained (the audit horizon).</param>
/// <param name="LatestFaults">Gaps recorded at the latest block.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.NetworkStats")]
public sealed record NetworkStats(
    [property: Id(0)] ulong TotalChains,
    [property: Id(1)] ulong ActiveChains,
    [property: Id(2)] ulong PendingChains,
    [property: Id(3)] ulong TotalGroups,
    [property: Id(4)] ulong TotalRegions,
    [property: Id(5)] ulong? LatestHeight,
    [property: Id(6)] ulong? OldestRetainedHeight,
    [property: Id(7)] int RetainedBlocks,
    [property: Id(8)] ulong LatestFaults);
