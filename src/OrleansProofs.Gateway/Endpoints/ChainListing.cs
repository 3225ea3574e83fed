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
/// <c>GET /api/chains?status=&amp;coveredAt=&amp;limit=&amp;after=</c>: the ingress roster paged by chain id (a stable,
/// deterministic order), each item completed with its chain grain's counters (one call per item, in parallel).
/// <c>coveredAt</c> lists the chains a retained block covered: the set its record's signed <c>totalChains</c>
/// counts, which verifiers compare and draw their challenges from.
/// </summary>
internal static class ChainListing
{
    /// <summary>The page size when <c>limit</c> is absent.</summary>
    public const int DefaultLimit = 100;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/chains", ListAsync)
            .WithName("ListChains")
            .WithSummary("Pages through the chains by chain id: status filter or coveredAt (the chains a retained block covered), limit (1–1000, default 100), after (the previous page's next cursor).")
            .Produces<ChainListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> ListAsync(string? status, string? coveredAt, string? limit, string? after, NodeGrains node)
    {
        if (!TryStatus(status, out ChainStatus? wanted, out IResult? problem)
            || !TryCoveredAt(coveredAt, wanted, out ulong? covering, out problem)
            || !TryLimit(limit, out int size, out problem))
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

        ChainPage page;
        try
        {
            page = await node.Ingress.ListChainsAsync(new ChainListQuery(wanted, cursor, size, covering));
        }
        catch (ArgumentOutOfRangeException) when (covering is { } height)
        {
            // The one refusal left after the checks above: the block is not retained.
            return Problems.BadRequest("coveredAt", $"block {height} is not retained by this node; the chains a block covered are listed for retained blocks only.");
        }

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

    private static bool TryCoveredAt(string? text, ChainStatus? status, out ulong? height, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        height = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (status is not null)
        {
            problem = Problems.BadRequest("coveredAt", "filter by status or by the block that covered the chains, not both.");
            return false;
        }

        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong parsed))
        {
            problem = Problems.BadRequest("coveredAt", $"must be a block height (a whole number); got '{text}'.");
            return false;
        }

        height = parsed;
        return true;
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
