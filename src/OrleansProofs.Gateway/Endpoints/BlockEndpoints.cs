// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary><c>POST /api/blocks</c> (authenticated adapter push), <c>GET /api/blocks/latest</c>, <c>GET /api/blocks/{height}</c>.</summary>
internal static class BlockEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/blocks", PushAsync)
            .RequireAdapterKey()
            .WithName("PushBlock")
            .WithSummary("Adapter push of a new layer-1 block (Authorization: Bearer); idempotent per height.")
            .Produces<BlockPushResponse>(StatusCodes.Status201Created)
            .Produces<BlockPushResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/blocks/latest", LatestAsync)
            .WithName("GetLatestBlock")
            .WithSummary("The latest recorded block.")
            .Produces<BlockResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/blocks/{height}", GetAsync)
            .WithName("GetBlock")
            .WithSummary("A retained block record by height.")
            .Produces<BlockResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PushAsync(HttpRequest request, NodeGrains node)
    {
        (BlockPushBody? body, IResult? problem) = await JsonBody.ReadAsync<BlockPushBody>(request, "Send { height, blockHash, timestamp, beacon? }.");
        if (body is null)
        {
            return problem!;
        }

        if (body.Height is not { } height)
        {
            return Problems.BadRequest("height", "is required: the layer-1 height.");
        }

        if (!Inputs.TryHash(body.BlockHash, "blockHash", out Hash32 blockHash, out problem))
        {
            return problem;
        }

        if (body.Timestamp is not { } timestamp)
        {
            return Problems.BadRequest("timestamp", "is required: the block's timestamp in Unix seconds.");
        }

        Hash32? beacon = null;
        if (body.Beacon is not null)
        {
            if (!Inputs.TryHash(body.Beacon, "beacon", out Hash32 value, out problem))
            {
                return problem;
            }

            beacon = value;
        }

        BlockResult result = await node.Ingress.OnBlockAsync(new BlockAnnouncement(height, blockHash, timestamp, beacon));
        if (result.IsAccepted)
        {
            BlockPushResponse response = new(result.Outcome == BlockOutcome.Recorded ? "recorded" : "duplicate", BlockResponse.From(result.Record));
            return result.Outcome == BlockOutcome.Recorded
                ? TypedResults.Created($"/api/blocks/{height}", response)
                : TypedResults.Ok(response);
        }

        string detail = result.Detail ?? result.Rejection.ToString();
        return result.Rejection switch
        {
            BlockRejection.Invalid => Problems.BadRequest("blockHash", detail),
            BlockRejection.ConflictingHash => Problems.Conflict("blockHash", detail),
            _ => Problems.Conflict("height", detail),
        };
    }

    private static async Task<IResult> LatestAsync(NodeGrains node) =>
        await node.Ingress.GetLatestAsync() is { } latest
            ? TypedResults.Ok(BlockResponse.From(latest))
            : Problems.NotFound("height", $"network '{node.Network}' has recorded no block yet.");

    private static async Task<IResult> GetAsync(string height, NodeGrains node)
    {
        if (!Inputs.TryHeight(height, "height", out ulong? at, out IResult? problem))
        {
            return problem;
        }

        return await node.Ingress.GetBlockAsync(at!.Value) is { } record
            ? TypedResults.Ok(BlockResponse.From(record))
            : Problems.NotFound("height", $"block {at} is not recorded, or no longer retained, on network '{node.Network}'.");
    }
}
