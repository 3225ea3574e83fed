// SPDX-License-Identifier: MIT

using System.Globalization;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>GET /api/vdf</c> (the latest signed checkpoint and the evaluator's figures; 503 while the VDF does
/// not run) and <c>GET /api/vdf/checkpoints</c> (the durable checkpoint window, for verifiers).
/// </summary>
internal static class VdfEndpoints
{
    /// <summary>Checkpoints per page when <c>limit</c> is absent.</summary>
    public const int DefaultLimit = 64;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/vdf", StatusAsync)
            .WithName("GetVdf")
            .WithSummary("The node's continuous VDF: latest signed checkpoint (fields, base64 wire form, signature), iterations/s, buffer bytes, restart count.")
            .Produces<VdfResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/vdf/checkpoints", CheckpointsAsync)
            .WithName("GetVdfCheckpoints")
            .WithSummary($"Durable VDF checkpoints from sequence 'from' (default 0), at most 'limit' (1 to {VdfStatus.MaxCheckpointsPerRead}, default {DefaultLimit}), oldest first.")
            .Produces<VdfCheckpointsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> StatusAsync(NodeGrains node)
    {
        Task<NodeIdentity> identity = node.Node.GetIdentityAsync();
        VdfStatus status = await Vdf(node).GetStatusAsync();
        if (!status.Running || status.Latest is not { } latest)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "vdf", status.Reason ?? "the VDF has not started");
        }

        return TypedResults.Ok(new VdfResponse(
            (await identity).ProverPublicKey.ToString(),
            status.BufferBytes,
            status.Iterations,
            status.IterationsPerSecond,
            status.RestartCount,
            status.AbsorbedRoots,
            status.CheckpointIterations,
            status.DurableSequence,
            VdfCheckpointView.From(latest)));
    }

    private static async Task<IResult> CheckpointsAsync(string? from, string? limit, NodeGrains node)
    {
        ulong first = 0;
        if (from is not null && !ulong.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out first))
        {
            return Problems.BadRequest("from", $"must be a checkpoint sequence number (a whole number); got '{from}'.");
        }

        int count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > VdfStatus.MaxCheckpointsPerRead))
        {
            return Problems.BadRequest("limit", $"must be a whole number of checkpoints from 1 to {VdfStatus.MaxCheckpointsPerRead}; got '{limit}'.");
        }

        Task<NodeIdentity> identity = node.Node.GetIdentityAsync();
        VdfCheckpointData[] page = await Vdf(node).GetCheckpointsAsync(first, count);
        ulong? next = page.Length == count ? page[^1].Sequence + 1 : null;
        return TypedResults.Ok(new VdfCheckpointsResponse((await identity).ProverPublicKey.ToString(), [.. page.Select(VdfCheckpointView.From)], next));
    }

    private static IVdfGrain Vdf(NodeGrains node) => node.Grains.GetGrain<IVdfGrain>(IVdfGrain.GrainKey);
}
