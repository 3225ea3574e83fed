// SPDX-License-Identifier: MIT

using OrleansProofs.Gateway.Endpoints;
using OrleansProofs.Gateway.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the OrleansProofs HTTP API (docs/api.md) onto a host's endpoints.</summary>
public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /health</c>, <c>GET /metrics</c> (Prometheus), the <c>/api</c> routes and the OpenAPI document at
    /// <c>/openapi/v1.json</c>. Needs <c>AddOrleansProofsGateway</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapOrleansProofsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapOpenApi();
        HealthEndpoints.Map(endpoints);
        StatusPageEndpoints.Map(endpoints);
        MetricsEndpoints.Map(endpoints);
        RouteGroupBuilder api = endpoints.MapGroup("/api");
        api.AddEndpointFilter<ClusterErrorFilter>();
        ChainEndpoints.Map(api);
        ProofEndpoints.Map(api);
        BlockEndpoints.Map(api);
        NetworkEndpoints.Map(api);
        VdfEndpoints.Map(api);
        BlockHistoryEndpoints.Map(api);
        ChallengeEndpoints.Map(api);
        AuditEndpoints.Map(api);
        LatencyEndpoints.Map(api);
        return endpoints;
    }
}
