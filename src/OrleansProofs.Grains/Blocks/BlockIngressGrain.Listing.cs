// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// Roster listing for operators and verifiers (the gateway's <c>GET /api/chains</c>): cursor pages in chain id order,
/// by status now or by the block that covered them (what a verifier compares with the record's signed chain count).
/// The roster is kept in enrollment order, so a sorted view is built once per roster version and reused
/// by every page until the roster changes; a page then costs a binary search plus the page itself.
/// </summary>
internal sealed partial class BlockIngressGrain
{
    /// <summary>The roster the sorted view was built from (compared by array identity: any change replaces the array).</summary>
    private ImmutableArray<ChainEntryState> _sortedFrom;

    /// <summary>The roster sorted by chain id.</summary>
    private ChainEntryState[] _sortedChains = [];

    /// <inheritdoc/>
    public Task<ChainPage> ListChainsAsync(ChainListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > ChainListQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"The page limit must be 1 to {ChainListQuery.MaxLimit}.");
        }

        if (query.Status == ChainStatus.Unregistered)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Status, "The roster holds no unregistered chains; filter by another status or none.");
        }

        if (query.CoveredAt is { } height)
        {
            if (query.Status is not null)
            {
                throw new ArgumentException("Filter by status or by the block that covers the chains (coveredAt), not both.", nameof(query));
            }

            // Retained heights only: a chain that left is dropped from the roster once its removal height falls out
            // of the retained window, so only there is the listing exactly the set the block's record counts.
            if (Current.Find(height) is null)
            {
                throw new ArgumentOutOfRangeException(nameof(query), height, $"Block {height} is not retained by this node; the chains it covered can be listed only for retained blocks.");
            }
        }

        ChainEntryState[] sorted = SortedChains();
        BlockRecord? latest = Current.Latest;
        int start = query.After is { } after ? FirstAfter(sorted, after) : 0;
        ImmutableArray<ChainListEntry>.Builder items = ImmutableArray.CreateBuilder<ChainListEntry>(Math.Min(query.Limit, sorted.Length - start));
        Hash32? next = null;
        for (int i = start; i < sorted.Length; i++)
        {
            ChainStatus status = StatusOf(sorted[i], latest);
            if ((query.Status is { } wanted && status != wanted) || (query.CoveredAt is { } covering && !sorted[i].CoversHeight(covering)))
            {
                continue;
            }

            if (items.Count == query.Limit)
            {
                // A further match exists: the page is full and the cursor is its last item.
                next = items[^1].ChainId;
                break;
            }

            ChainEntryState entry = sorted[i];
            items.Add(new ChainListEntry(entry.ChainId, status, entry.GroupId, GroupAssignment.RegionOf(entry.GroupId, node.Parameters.GroupsPerRegion), entry.AnchorHeight));
        }

        return Task.FromResult(new ChainPage(items.DrainToImmutable(), next));
    }

    /// <summary>
    /// Pending until the latest recorded block covers the chain, then active; once a removal or expiry
    /// is scheduled, removing until its removal block is recorded, then removed or expired.
    /// </summary>
    private static ChainStatus StatusOf(ChainEntryState entry, BlockRecord? latest)
    {
        if (entry.Removal is { } removal)
        {
            bool done = latest is not null && latest.Height >= removal.RemovalHeight;
            return !done ? ChainStatus.Removing
                : removal.Kind == RemovalKind.Expiry ? ChainStatus.Expired
                : ChainStatus.Removed;
        }

        return latest is not null && entry.CoversHeight(latest.Height) ? ChainStatus.Active : ChainStatus.Pending;
    }

    /// <summary>The index of the first chain id greater than <paramref name="after"/>.</summary>
    private static int FirstAfter(ChainEntryState[] sorted, Hash32 after)
    {
        int low = 0;
        int high = sorted.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (sorted[middle].ChainId <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private ChainEntryState[] SortedChains()
    {
        ImmutableArray<ChainEntryState> chains = Current.Chains;
        if (chains != _sortedFrom)
        {
            ChainEntryState[] sorted = [.. chains];
            Array.Sort(sorted, static (a, b) => a.ChainId.CompareTo(b.ChainId));
            _sortedChains = sorted;
            _sortedFrom = chains;
        }

        return _sortedChains;
    }
}
