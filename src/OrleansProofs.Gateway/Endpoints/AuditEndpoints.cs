// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Globalization;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>GET /api/audits</c> (the node's role and, on a verifier, each audited prover's and chain's scores with the
/// latest signed reports), <c>GET /api/audits/{prover}/reports?limit=</c> (a prover's newest signed reports) and
/// <c>GET /api/audits/chains/{chainId}</c> (one audited chain's availability and latency scores).
/// </summary>
internal static class AuditEndpoints
{
    /// <summary>Signed reports shown per prover in the listing.</summary>
    private const int LatestReports = 10;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audits", ListAsync)
            .WithName("ListAudits")
            .WithSummary("The node's role and, on a verifier, every audited prover's scores (block records, proofs, availability), per-chain scores and the latest signed reports.")
            .Produces<AuditsResponse>();
        api.MapGet("/audits/{prover}/reports", ReportsAsync)
            .WithName("GetAuditReports")
            .WithSummary("The newest signed availability reports about one audited prover (limit 1–256, default 50).")
            .Produces<AuditReportsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/audits/chains/{chainId}", ChainAsync)
            .WithName("GetChainAudit")
            .WithSummary("One audited chain's scores on this verifier: availability (passed, failed, score, last outcome), sampled proofs and latency (samples, average, standard deviation).")
            .Produces<ChainAuditLookupResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ChainAsync(string chainId, NodeGrains node)
    {
        if (!Inputs.TryHash(chainId, "chainId", out Hash32 id, out IResult? problem))
        {
            return problem;
        }

        VerifierOverview overview = await node.Grains.GetGrain<IVerifierGrain>(0).GetOverviewAsync();
        foreach (ProverAuditSummary prover in overview.Provers)
        {
            if (prover.Chains.FirstOrDefault(c => c.ChainId == id) is { } chain)
            {
                return TypedResults.Ok(new ChainAuditLookupResponse(prover.Prover, ChainAuditResponse.From(chain)));
            }
        }

        return Problems.NotFound("chainId", $"this node ({overview.Role}) audits no chain {id}.");
    }

    private static async Task<IResult> ListAsync(NodeGrains node)
    {
        VerifierOverview overview = await node.Grains.GetGrain<IVerifierGrain>(0).GetOverviewAsync();
        ProverAuditResponse[] provers = await Task.WhenAll(overview.Provers.Select(async summary =>
        {
            ImmutableArray<SignedReport> reports = await node.Grains.GetGrain<IProverAuditGrain>(summary.Prover).GetReportsAsync(LatestReports);
            return ProverAuditResponse.From(summary, reports);
        }));
        return TypedResults.Ok(new AuditsResponse(overview.Role, overview.Verifier, provers));
    }

    private static async Task<IResult> ReportsAsync(string prover, string? limit, NodeGrains node)
    {
        if (!Inputs.TryHash(prover, "prover", out Hash32 key, out IResult? problem))
        {
            return problem;
        }

        int count = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 256))
        {
            return Problems.BadRequest("limit", $"must be a whole number from 1 to 256; got '{limit}'.");
        }

        VerifierOverview overview = await node.Grains.GetGrain<IVerifierGrain>(0).GetOverviewAsync();
        if (!overview.Provers.Any(p => p.Prover == key.ToString()))
        {
            return Problems.NotFound("prover", $"this node ({overview.Role}) does not audit prover {key}.");
        }

        ImmutableArray<SignedReport> reports = await node.Grains.GetGrain<IProverAuditGrain>(key.ToString()).GetReportsAsync(count);
        return TypedResults.Ok(new AuditReportsResponse(key.ToString(), [.. reports.Select(AvailabilityReportResponse.From)]));
    }
}
