// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary><c>DELETE /api/chains/{chainId}</c>: schedules removal through the chain grain (docs/api.md).</summary>
internal static partial class ChainEndpoints
{
    private static async Task<IResult> RemoveAsync(string chainId, HttpRequest request, NodeGrains node)
    {
        if (!Inputs.TryHash(chainId, "chainId", out Hash32 id, out IResult? problem))
        {
            return problem;
        }

        (RemoveChainBody? body, IResult? bodyProblem) = await ReadRemovalBodyAsync(request);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        string? queryReason = request.Query["reason"];
        string? queryArchive = request.Query["archive"];
        if (body?.Reason is not null && queryReason is not null)
        {
            return Problems.BadRequest("reason", "is given both in the query and in the body; give it once.");
        }

        if (body?.Archive is not null && queryArchive is not null)
        {
            return Problems.BadRequest("archive", "is given both in the query and in the body; give it once.");
        }

        bool archive = body?.Archive ?? false;
        if (queryArchive is not null && !bool.TryParse(queryArchive, out archive))
        {
            return Problems.BadRequest("archive", $"must be true or false; got '{queryArchive}'.");
        }

        string? reason = body?.Reason ?? queryReason;
        if (ChainRemovalRules.FindProblem(reason) is { } rule)
        {
            return Problems.BadRequest(rule.Field, rule.Reason);
        }

        RemovalResult result;
        try
        {
            result = await node.Chain(id).RequestRemovalAsync(reason, archive);
        }
        catch (ArgumentException error)
        {
            return Problems.BadRequest("reason", Problems.ReasonOf(error));
        }

        return result.Rejection switch
        {
            RemovalRejection.None => TypedResults.Accepted(
                $"/api/chains/{id}",
                new ChainRemovalResponse(id.ToString(), result.Schedule!.RemovalHeight, archive, result.Schedule.Reason)),
            RemovalRejection.NotRegistered => Problems.NotFound("chainId", result.Detail!),
            _ => Problems.Conflict("chainId", result.Detail!),
        };
    }

    /// <summary>The optional JSON body; no body (or an empty one) is none, any other content type is 415.</summary>
    private static async Task<(RemoveChainBody? Body, IResult? Problem)> ReadRemovalBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null))
        {
            return (null, null);
        }

        (RemoveChainBody? body, IResult? problem) = await JsonBody.ReadAsync<RemoveChainBody>(request,
            "Send JSON { \"reason\": ..., \"archive\": true|false }, or give reason and archive in the query.");
        return (body, problem);
    }
}
