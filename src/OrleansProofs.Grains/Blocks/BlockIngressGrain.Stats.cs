// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Grains.Blocks;

/// <summary>Roster and horizon figures for operators (the gateway's network stats).</summary>
internal sealed partial class BlockIngressGrain
{
    /// <inheritdoc/>
    public Task<NetworkStats> GetStatsAsync()
    {
        IngressState s = Current;
        BlockRecord? latest = s.Latest;

        // Chains whose removal block is recorded are gone (their slots are free); removing chains still count.
        ChainEntryState[] live = latest is null ? [.. s.Chains] : [.. s.Chains.Where(c => c.HoldsSlotAfter(latest.Height))];
        ulong active = latest is null ? 0 : (ulong)live.Count(c => c.CoversHeight(latest.Height));
        HashSet<uint> groups = [.. live.Select(c => c.GroupId)];
        HashSet<uint> regions = [.. groups.Select(g => GroupAssignment.RegionOf(g, node.Parameters.GroupsPerRegion))];
        return Task.FromResult(new NetworkStats(
            (ulong)live.Length,
            active,
            (ulong)live.Length - active,
            (ulong)groups.Count,
            (ulong)regions.Count,
            latest?.Height,
            s.Blocks.IsEmpty ? null : s.Blocks[0].Height,
            s.Blocks.Length,
            latest?.Faults ?? 0));
    }
}
