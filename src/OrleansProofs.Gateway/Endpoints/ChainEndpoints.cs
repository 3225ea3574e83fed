// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>POST /api/chains</c> (register a file: JSON path on the data volume, or a multipart upload in
/// ChainUpload.cs; operator key required), <c>GET /api/chains</c> (ChainListing.cs), <c>GET /api/chains/{chainId}</c>
/// and <c>DELETE /api/chains/{chainId}</c> (schedule removal, ChainEndpoints.Remove.cs; operator key required).
/// </summary>
internal static partial class ChainEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/chains", RegisterAsync)
            .RequireOperatorKey()
            .WithName("RegisterChain")
            .WithSummary("Registers a data file: a multipart upload (file, retentionPolicy?, metadata?) or JSON { path, retentionPolicy?, metadata? } naming a file on the node's data volume.")
            .Produces<ChainRegisteredResponse>(StatusCodes.Status201Created)
            .Produces<ChainRegisteredResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        ChainListing.Map(api);
        api.MapGet("/chains/{chainId}", GetAsync)
            .WithName("GetChain")
            .WithSummary("Chain state, header fields and the proof window (commitments).")
            .Produces<ChainResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/chains/{chainId}", RemoveAsync)
            .RequireOperatorKey()
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
        if (request.HasFormContentType)
        {
            return await ChainUpload.RegisterAsync(request, node);
        }

        (RegisterChainBody? body, IResult? problem) = await JsonBody.ReadAsync<RegisterChainBody>(request,
            "Send JSON { \"path\": ... } naming a file on the node's data volume, or upload the file as multipart/form-data (part 'file').");
        if (body is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(body.Path))
        {
            return Problems.BadRequest("path", "is required: a file path relative to the node's data folder.");
        }

        return (await RegisterPathAsync(node, body.Path, "path", body.RetentionPolicy, body.Metadata)).Result;
    }

    /// <summary>
    /// Registers the file at <paramref name="path"/> (relative to the node's data folder) with the
    /// retention policy and metadata: 201 (new) or 200 (already registered), or a problem naming
    /// <paramref name="pathField"/> or the rule broken. Both registration forms end here.
    /// </summary>
    internal static async Task<(IResult Result, bool Registered)> RegisterPathAsync(
        NodeGrains node, string path, string pathField, string? retentionPolicy, Dictionary<string, string>? metadata)
    {
        string retention = retentionPolicy ?? ChainRegistrationRules.DefaultRetentionPolicy;
        if (ChainRegistrationRules.FindProblem(retention, metadata) is { } rule)
        {
            return (Problems.BadRequest(rule.Field, rule.Reason), false);
        }

        Hash32 chainId;
        try
        {
            chainId = await node.Node.ComputeChainIdAsync(path);
        }
        catch (ArgumentException error)
        {
            return (Problems.BadRequest(pathField, Problems.ReasonOf(error)), false);
        }

        IChainGrain chain = node.Chain(chainId);
        bool existed = (await chain.GetSummaryAsync()).Status != ChainStatus.Unregistered;
        RegisteredChain registered;
        try
        {
            registered = await chain.RegisterAsync(new ChainRegistrationRequest(
                path, node.Network, retention, metadata?.ToImmutableDictionary(StringComparer.Ordinal)));
        }
        catch (ArgumentException error)
        {
            return (Problems.BadRequest(pathField, Problems.ReasonOf(error)), false);
        }
        catch (RegistrationBondException error)
        {
            return (Problems.Conflict("registrationBond", error.Message), false);
        }
        catch (InvalidOperationException error)
        {
            return (Problems.Conflict("network", Problems.ReasonOf(error)), false);
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
        return (existed ? TypedResults.Ok(response) : TypedResults.Created($"/api/chains/{response.ChainId}", response), true);
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
