// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus text exposition of this process's meters (the node's
/// <c>orleansproofs_*</c> when a silo shares the process, Orleans' <c>orleans_*</c>, ASP.NET Core's and
/// the runtime's). Open like <c>/health</c>: it holds counts and durations by network, no chain ids
/// or keys, and the API binds to loopback unless the operator says otherwise (docs/security.md).
/// </summary>
internal static class MetricsEndpoints
{
    /// <summary>The scrape path.</summary>
    public const string Path = "/metrics";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(Path)
            .WithName("Metrics")
            .WithSummary("Prometheus scrape endpoint: the node's, Orleans', ASP.NET Core's and the runtime's metrics.")
            .ExcludeFromDescription();
}
