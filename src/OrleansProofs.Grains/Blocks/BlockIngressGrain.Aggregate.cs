// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Aggregation;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Grains.Aggregation;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// A block's fan-out: the covered chains (decided by the caller, from the persisted roster) are
/// split by their persisted group and region, each region grain gets its groups' member lists, and
/// at most <see cref="Hosting.NodeContext.RegionParallelism"/> regions run at once.
/// </summary>
internal sealed partial class BlockIngressGrain
{
    /// <summary>Runs every region of the block and returns their results by ascending region id.</summary>
    private async Task<RegionBlockResult[]> AggregateAsync(ChainEntryState[] covered, BlockTicket ticket)
    {
        string network = this.GetPrimaryKeyString();
        (uint RegionId, ImmutableArray<GroupMembers> Groups)[] plan = Plan(covered, node.Parameters.GroupsPerRegion);
        RegionBlockResult[] results = await Bounded.RunAsync(plan, node.RegionParallelism,
            region => GrainFactory.GetGrain<IRegionGrain>(region.RegionId, network).CommitBlockAsync(ticket, region.Groups));
        int committed = results.Sum(r => r.Groups.Sum(g => g.Members));
        return committed == covered.Length
            ? results
            : throw new InvalidOperationException($"The regions of block {ticket.Height} committed {committed} chains; the block covers {covered.Length}.");
    }

    /// <summary>
    /// The covered chains by region, then group (both ascending by id), members in roster order.
    /// Placement is read from the roster only, so every silo and every restart sends the same lists.
    /// </summary>
    internal static (uint RegionId, ImmutableArray<GroupMembers> Groups)[] Plan(IEnumerable<ChainEntryState> covered, int groupsPerRegion) =>
        [.. covered
            .GroupBy(c => c.GroupId)
            .OrderBy(g => g.Key)
            .Select(g => new GroupMembers(g.Key, [.. g.Select(c => c.ChainId)]))
            .GroupBy(g => GroupAssignment.RegionOf(g.GroupId, groupsPerRegion))
            .OrderBy(r => r.Key)
            .Select(r => (r.Key, r.ToImmutableArray()))];

    /// <summary>Every group root of the block by ascending group id (the order <c>BlockHierarchy</c> lists them in).</summary>
    private static LevelRootData[] GroupRootsOf(RegionBlockResult[] regions) =>
        [.. regions.SelectMany(r => r.Groups).OrderBy(g => g.GroupId).Select(g => new LevelRootData(g.GroupId, g.Root))];
}
