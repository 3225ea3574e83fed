// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.WebUtilities;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Status;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>GET /health</c>: liveness and readiness. 200 when the silo answers (node grain), grain storage
/// answers (the commitment log is read and the ingress loads its state) and the chain adapter is fresh (the latest block is at most
/// 3 block times old); otherwise 503 with a problem naming the first failing check and every check's value.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", CheckAsync)
            .WithName("Health")
            .WithSummary("Liveness and readiness: silo reachable, storage reachable, chain adapter fresh.")
            .Produces<HealthResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> CheckAsync(ReadinessProbe probe, NodeGrains node)
    {
        ReadinessReport report = await probe.CheckAsync();
        if (!report.IsReady)
        {
            // The problem shape of Problems.Of (field, reason), plus every check so a dashboard can show all three.
            return TypedResults.Problem(
                detail: $"{report.FailedCheck}: {report.Reason}",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: ReasonPhrases.GetReasonPhrase(StatusCodes.Status503ServiceUnavailable),
                extensions: new Dictionary<string, object?>
                {
                    ["field"] = report.FailedCheck,
                    ["reason"] = report.Reason,
                    ["checks"] = report.Checks,
                    ["role"] = NodeRole.Prover,
                    ["latestHeight"] = report.Latest?.Height,
                    ["latestBlockAgeSeconds"] = report.BlockAge?.TotalSeconds,
                    ["missedBlocks"] = report.MissedBlocks,
                });
        }

        // The role comes from the silo (a separate gateway process has no node options): design §6.
        string role = await node.Grains.GetGrain<Abstractions.Audit.IVerifierGrain>(0).GetRoleAsync();
        return TypedResults.Ok(new HealthResponse(
            "healthy",
            report.Silo,
            report.Storage,
            report.Adapter,
            node.Network,
            report.Identity!.Profile,
            role,
            report.Identity.ProverPublicKey.ToString(),
            report.Latest?.Height,
            report.BlockAge?.TotalSeconds,
            report.BlockInterval!.Value.TotalSeconds,
            report.MaxBlockAge!.Value.TotalSeconds,
            report.MissedBlocks));
    }
}
