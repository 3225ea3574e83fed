// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Diagnostics;
using Orleans.Placement;
using OrleansProofs.Abstractions.Aggregation;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Aggregation;

/// <summary>
/// One region of one network (<see cref="IRegionGrain"/>): calls its groups, at most
/// <see cref="NodeContext.GroupParallelism"/> at once (so each group call lasts its own work, not the
/// whole block's), and computes the region root from their roots. Keeps nothing between calls; hash-based placement
/// spreads regions over the silos like groups.
/// </summary>
[HashBasedPlacement]
internal sealed class RegionGrain(NodeContext node) : Grain, IRegionGrain
{
    /// <inheritdoc/>
    public async Task<RegionBlockResult> CommitBlockAsync(BlockTicket ticket, ImmutableArray<GroupMembers> groups)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        uint regionId = checked((uint)this.GetPrimaryKeyLong(out string? extension));
        string network = extension ?? throw new InvalidOperationException($"Region grain {this.GetGrainId()} has no network in its key extension.");
        Check(regionId, groups);
        using Activity? activity = NodeTracing.StartBlock("orleansproofs.block.region", network, ticket.Height);
        activity?.SetTag("orleansproofs.region.id", regionId);
        activity?.SetTag("orleansproofs.block.groups", groups.Length);
        GroupBlockResult[] results = await Bounded.RunAsync(groups, node.GroupParallelism,
            g => GrainFactory.GetGrain<IGroupGrain>(g.GroupId, network).CommitBlockAsync(ticket, g.Members));
        Array.Sort(results, (a, b) => a.GroupId.CompareTo(b.GroupId));
        LevelRoot[] roots = Array.ConvertAll(results, r => new LevelRoot(r.GroupId, r.Root));
        return new RegionBlockResult(regionId, RegionRoot.Compute(regionId, ticket.Height, roots, node.Parameters.RegionIterations), [.. results]);
    }

    /// <summary>At least one group, each once, each in this region.</summary>
    private void Check(uint regionId, ImmutableArray<GroupMembers> groups)
    {
        if (groups.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"Region {regionId} needs at least one group; a region without chains at a block is omitted.", nameof(groups));
        }

        HashSet<uint> seen = [];
        foreach (GroupMembers group in groups)
        {
            ArgumentNullException.ThrowIfNull(group, nameof(groups));
            if (GroupAssignment.RegionOf(group.GroupId, node.Parameters.GroupsPerRegion) != regionId)
            {
                throw new ArgumentException(
                    $"Group {group.GroupId} belongs to region {GroupAssignment.RegionOf(group.GroupId, node.Parameters.GroupsPerRegion)}, not region {regionId}.", nameof(groups));
            }

            if (!seen.Add(group.GroupId))
            {
                throw new ArgumentException($"Group {group.GroupId} is listed more than once in region {regionId}.", nameof(groups));
            }
        }
    }
}
