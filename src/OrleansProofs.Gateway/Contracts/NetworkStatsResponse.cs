// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The answer of <c>GET /api/network/stats</c>; <c>Audit</c> carries the node's role and its availability (and, later, latency) figures.</summary>
public sealed record NetworkStatsResponse(
    string Network,
    string Profile,
    string ProverPublicKey,
    ulong TotalChains,
    ulong ActiveChains,
    ulong PendingChains,
    ulong TotalGroups,
    ulong TotalRegions,
    ulong? LatestHeight,
    string? LatestGlobalRoot,
    ulong LatestFaults,
    ulong? OldestRetainedHeight,
    int RetainedBlocks,
    NetworkAuditStats? Audit = null);
