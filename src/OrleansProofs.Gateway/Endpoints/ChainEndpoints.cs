// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>POST /api/chains</c> (register a file on the data volume), <c>GET /api/chains/{chainId}</c> and
/// <c>DELETE /api/chains/{chainId}</c> (schedule removal; ChainEndpoints.Remove.cs).
/// </summary>
internal static partial class ChainEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/chains", RegisterAsync)
            .WithName("RegisterChain")
            .WithSummary("Registers a data file already on the node's data volume (JSON { path, retentionPolicy?, metadata? }).")
            .Produces<ChainRegisteredResponse>(StatusCodes.Status201Created)
            .Produces<ChainRegisteredResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/chains/{chainId}", GetAsync)
            .WithName("GetChain")
            .WithSummary("Chain state, header fields and the proof window (commitments).")
            .Produces<ChainResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/chains/{chainId}", RemoveAsync)
            .WithName("RemoveChain")
            .WithSummary("Schedules the chain's removal after the profile's removal delay (optional reason, archive; JSON body or query).")
            .Produces<ChainRemovalResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> RegisterAsync(HttpRequest request, NodeGrains node)
    {
        (RegisterChainBody? body, IResult? problem) = await JsonBody.ReadAsync<RegisterChainBody>(request,
            "Multipart upload is not supported by this gateway; send JSON { \"path\": ... } naming a file on the node's data volume.");
        if (body is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(body.Path))
        {
            return Problems.BadRequest("path", "is required: a file path relative to the node's data folder.");
        }

        string retention = body.RetentionPolicy ?? ChainRegistrationRules.DefaultRetentionPolicy;
        if (ChainRegistrationRules.FindProblem(retention, body.Metadata) is { } rule)
        {
            return Problems.BadRequest(rule.Field, rule.Reason);
        }

        Hash32 chainId;
        try
        {
            chainId = await node.Node.ComputeChainIdAsync(body.Path);
        }
        catch (ArgumentException error)
        {
            return Problems.BadRequest("path", Problems.ReasonOf(error));
        }

        IChainGrain chain = node.Chain(chainId);
        bool existed = (await chain.GetInfoAsync()).Status != ChainStatus.Unregistered;
        RegisteredChain registered;
        try
        {
            registered = await chain.RegisterAsync(new ChainRegistrationRequest(
                body.Path, node.Network, retention, body.Metadata?.ToImmutableDictionary(StringComparer.Ordinal)));
        }
        catch (ArgumentException error)
        {
            return Problems.BadRequest("path", Problems.ReasonOf(error));
        }
        catch (InvalidOperationException error)
        {
            return Problems.Conflict("network", Problems.ReasonOf(error));
        }

        ChainRegisteredResponse response = new(
            registered.ChainId.ToString(),
            registered.GroupId,
            registered.RegionId,
            registered.AnchorHeight,
            registered.ActivationHeight,
            registered.RetentionPolicy,
            registered.ReplicaRoot.ToString(),
            registered.TotalChunks,
            existed);
        return existed ? TypedResults.Ok(response) : TypedResults.Created($"/api/chains/{response.ChainId}", response);
    }

    private static async Task<IResult> GetAsync(string chainId, NodeGrains node)
    {
        if (!Inputs.TryHash(chainId, "chainId", out Hash32 id, out IResult? problem))
        {
            return problem;
        }

        ChainInfo info = await node.Chain(id).GetInfoAsync();
        return info.Header is { } header
            ? TypedResults.Ok(ChainResponse.From(info, header))
            : Problems.NotFound("chainId", $"no chain {id} is registered on this node.");
    }
}
