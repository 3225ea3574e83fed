// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Orleans.CodeGeneration;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Aggregation;

/// <summary>
/// One group of one network (key: group id, extension: network name). Per block it commits its
/// members' chains with bounded parallelism and computes the group root. It owns no membership:
/// the block ingress persists the roster and passes each block's members, so placement stays
/// stable across restarts and silos. It keeps the last block's commitments in memory only, to
/// serve hierarchy paths at the head without asking every member again.
/// </summary>
[Alias("OrleansProofs.IGroupGrain")]
[Version(1)]
public interface IGroupGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>
    /// Commits every member at <paramref name="ticket"/>'s block and returns the group root.
    /// Repeating the same block returns the same root (chains answer a repeated height from their state).
    /// </summary>
    /// <exception cref="ArgumentException">No member, a member listed twice, or more members than a group holds.</exception>
    [Alias("CommitBlock")]
    [ResponseTimeout(BlockCallTimeout.Value)]
    Task<GroupBlockResult> CommitBlockAsync(BlockTicket ticket, ImmutableArray<Hash32> members);

    /// <summary>
    /// The commitments of <paramref name="members"/> at a block: from memory when it is the last
    /// block this activation committed, otherwise read back from each member chain's record.
    /// </summary>
    /// <exception cref="ArgumentException">No member is given.</exception>
    /// <exception cref="InvalidOperationException">A member no longer holds its record for that block.</exception>
    [Alias("GetCommitments")]
    Task<ImmutableArray<MemberCommitment>> GetCommitmentsAsync(BlockRef block, ImmutableArray<Hash32> members);
}
