// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Globalization;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;
using OrleansProofs.Gateway.Status;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary><c>GET /api/blocks?last=N</c>: the latest retained blocks with timings and checked signatures (the status page's chart).</summary>
internal static class BlockHistoryEndpoints
{
    /// <summary>Blocks returned when <c>last</c> is absent.</summary>
    public const int DefaultCount = 30;

    /// <summary>The most blocks one request may ask for (every signature is checked per request).</summary>
    public const int MaxCount = 256;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/blocks", RecentAsync)
            .WithName("GetRecentBlocks")
            .WithSummary("The latest retained blocks (last = 1 to 256, default 30), oldest first, with timings and signatureValid.")
            .Produces<RecentBlocksResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> RecentAsync(string? last, NodeGrains node)
    {
        int count = DefaultCount;
        if (last is not null && (!int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount))
        {
            return Problems.BadRequest("last", $"must be a whole number of blocks from 1 to {MaxCount}; got '{last}'.");
        }

        Task<ImmutableArray<BlockRecord>> blocks = node.Ingress.GetRecentBlocksAsync(count);
        NodeIdentity identity = await node.Node.GetIdentityAsync();
        ImmutableArray<BlockRecord> records = await blocks;
        return TypedResults.Ok(new RecentBlocksResponse(
            node.Network,
            identity.ProverPublicKey.ToString(),
            [.. records.Select(r => BlockSummaryResponse.From(r, BlockSignatureCheck.IsValid(r, identity.ProverPublicKey)))]));
    }
}
