// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary><c>GET /api/network/stats</c>: the ingress's roster, placement and block horizon.</summary>
internal static class NetworkEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/network/stats", StatsAsync)
            .WithName("GetNetworkStats")
            .WithSummary("Chains (total, active, pending), groups, regions, the recorded block horizon, and the node's role with its availability and latency audit figures.")
            .Produces<NetworkStatsResponse>();

    private static async Task<IResult> StatsAsync(NodeGrains node)
    {
        Task<NetworkStats> stats = node.Ingress.GetStatsAsync();
        Task<BlockRecord?> latest = node.Ingress.GetLatestAsync();
        Task<Abstractions.Audit.VerifierOverview> audits = node.Grains.GetGrain<Abstractions.Audit.IVerifierGrain>(0).GetOverviewAsync();
        (Abstractions.Node.NodeIdentity identity, _) = await node.IdentityAsync();
        NetworkStats s = await stats;
        BlockRecord? block = await latest;
        Abstractions.Audit.VerifierOverview overview = await audits;
        return TypedResults.Ok(new NetworkStatsResponse(
            node.Network,
            identity.Profile,
            identity.ProverPublicKey.ToString(),
            s.TotalChains,
            s.ActiveChains,
            s.PendingChains,
            s.TotalGroups,
            s.TotalRegions,
            s.LatestHeight,
            block?.GlobalRoot.ToString(),
            s.LatestFaults,
            s.OldestRetainedHeight,
            s.RetainedBlocks,
            new NetworkAuditStats(
                overview.Role,
                overview.Role == "prover" ? null : AvailabilityTotals.From(overview.Provers),
                overview.Role == "prover" ? null : LatencyTotals.From(overview.Provers))));
    }
}
