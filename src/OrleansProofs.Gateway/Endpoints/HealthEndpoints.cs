// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary><c>GET /health</c>: the silo answers (node grain) and grain storage answers (the ingress loads its state).</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", CheckAsync)
            .WithName("Health")
            .WithSummary("Liveness and readiness: silo reachable, storage reachable.")
            .Produces<HealthResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> CheckAsync(NodeGrains node)
    {
        NodeIdentity identity;
        try
        {
            identity = await node.Node.GetIdentityAsync();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "silo", $"the node grain did not answer: {Problems.ReasonOf(error)}");
        }

        BlockRecord? latest;
        try
        {
            latest = await node.Ingress.GetLatestAsync();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "storage", $"the block ingress could not load its state: {Problems.ReasonOf(error)}");
        }

        return TypedResults.Ok(new HealthResponse("healthy", "reachable", "reachable", node.Network, identity.Profile, identity.ProverPublicKey.ToString(), latest?.Height));
    }
}
