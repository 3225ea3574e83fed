// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text.Json;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>GET /api/chains?status=&amp;limit=&amp;after=</c>: the ingress roster paged by chain id (a stable,
/// deterministic order), each item completed with its chain grain's counters (one call per item, in parallel).
/// </summary>
internal static class ChainListing
{
    /// <summary>The page size when <c>limit</c> is absent.</summary>
    public const int DefaultLimit = 100;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/chains", ListAsync)
            .WithName("ListChains")
            .WithSummary("Pages through the chains by chain id: status filter, limit (1–1000, default 100), after (the previous page's next cursor).")
            .Produces<ChainListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> ListAsync(string? status, string? limit, string? after, NodeGrains node)
    {
        if (!TryStatus(status, out ChainStatus? wanted, out IResult? problem) || !TryLimit(limit, out int size, out problem))
        {
            return problem;
        }

        Hash32? cursor = null;
        if (after is not null)
        {
            if (!Inputs.TryHash(after, "after", out Hash32 id, out problem))
            {
                return problem;
            }

            cursor = id;
        }

        ChainPage page = await node.Ingress.ListChainsAsync(new ChainListQuery(wanted, cursor, size));
        ChainInfo[] infos = await Task.WhenAll(page.Items.Select(item => node.Chain(item.ChainId).GetSummaryAsync()));
        ChainListItem[] items = new ChainListItem[infos.Length];
        for (int i = 0; i < items.Length; i++)
        {
            ChainListEntry entry = page.Items[i];
            ChainInfo info = infos[i];
            items[i] = new ChainListItem(
                entry.ChainId.ToString(),
                NameOf(entry.Status),
                entry.GroupId,
                entry.RegionId,
                entry.AnchorHeight,
                entry.AnchorHeight + 1,
                info.TotalChunks,
                info.ChainLength,
                info.HeadHeight,
                info.Faults,
                info.RetentionPolicy);
        }

        return TypedResults.Ok(new ChainListResponse(items, page.Next?.ToString()));
    }

    /// <summary>The statuses a chain on the roster can be in: every <see cref="ChainStatus"/> but Unregistered.</summary>
    private static IEnumerable<ChainStatus> ListedStatuses => Enum.GetValues<ChainStatus>().Where(s => s != ChainStatus.Unregistered);

    private static string NameOf(ChainStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static bool TryStatus(string? text, out ChainStatus? status, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        status = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        // By name only: Enum.TryParse would also take numbers and "Unregistered".
        foreach (ChainStatus candidate in ListedStatuses)
        {
            if (string.Equals(NameOf(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        problem = Problems.BadRequest("status", $"unknown chain status '{text}'; expected one of {string.Join(", ", ListedStatuses.Select(NameOf))}.");
        return false;
    }

    private static bool TryLimit(string? text, out int limit, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        problem = null;
        limit = DefaultLimit;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= ChainListQuery.MaxLimit)
        {
            return true;
        }

        problem = Problems.BadRequest("limit", $"must be a whole number from 1 to {ChainListQuery.MaxLimit}; got '{text}'.");
        return false;
    }
}
