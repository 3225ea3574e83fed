// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Orleans.CodeGeneration;
using OrleansProofs.Abstractions.Chains;

namespace OrleansProofs.Abstractions.Aggregation;

/// <summary>
/// One region of one network (key: region id, extension: network name). Per block it calls each
/// of its groups in parallel (at most groups-per-region calls) and computes the region root from
/// their roots. Keeps no state.
/// </summary>
[Alias("OrleansProofs.IRegionGrain")]
[Version(1)]
public interface IRegionGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Commits every listed group at <paramref name="ticket"/>'s block and returns the region root with its groups' roots.</summary>
    /// <exception cref="ArgumentException">No group, a group listed twice, or a group outside this region.</exception>
    [Alias("CommitBlock")]
    [ResponseTimeout(BlockCallTimeout.Value)]
    Task<RegionBlockResult> CommitBlockAsync(BlockTicket ticket, ImmutableArray<GroupMembers> groups);
}
