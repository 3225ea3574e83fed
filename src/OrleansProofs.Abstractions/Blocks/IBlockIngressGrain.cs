// SPDX-License-Identifier: MIT

using Orleans.CodeGeneration;
using Orleans.Concurrency;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>
/// The per-network block pipeline (key: network name). For each new block it activates pending
/// chains, fans the commit out through the region and group grains (stable persisted group
/// placement, owned here), computes the global root over their roots, signs the block attestation with the node key, and persists
/// the block record only after every chain's commit is durable.
/// </summary>
[Alias("OrleansProofs.IBlockIngressGrain")]
[Version(2)]
public interface IBlockIngressGrain : IGrainWithStringKey
{
    /// <summary>
    /// Processes a new block. Idempotent: the same height and hash again returns the existing record.
    /// A different hash at a recorded height, a gap above the latest block, or an older height is
    /// rejected with the reason, and nothing changes.
    /// </summary>
    [Alias("OnBlock")]
    Task<BlockResult> OnBlockAsync(BlockAnnouncement block);

    /// <summary>The record at <paramref name="height"/> if it is retained; otherwise null.</summary>
    [Alias("GetBlock")]
    Task<BlockRecord?> GetBlockAsync(ulong height);

    /// <summary>The latest recorded block, or null before the first.</summary>
    [Alias("GetLatest")]
    Task<BlockRecord?> GetLatestAsync();

    /// <summary>
    /// Enrolls a chain anchored at the latest recorded block: assigns its group (stable, persisted)
    /// and makes it active from the next block. Idempotent for the same chain and anchor.
    /// </summary>
    /// <exception cref="ArgumentException">The chain is enrolled with another anchor, or the anchor is not a recorded block.</exception>
    /// <remarks>Interleaves with other enrollments so that they share state writes; the grain keeps it out of blocks and removals.</remarks>
    [Alias("EnrollChain")]
    [AlwaysInterleave]
    Task<ChainPlacement> EnrollChainAsync(ChainEnrollment enrollment);

    /// <summary>
    /// The hierarchy path of <paramref name="chainId"/> at a retained block, built from its group's
    /// commitments and the record's group and region roots, and checked against the recorded global root.
    /// </summary>
    /// <exception cref="ArgumentException">The block is not retained or the chain is not covered by it.</exception>
    [Alias("GetHierarchyPath")]
    Task<HierarchyPath> GetHierarchyPathAsync(Hash32 chainId, ulong height);

    /// <summary>The roster's size and placement and the retained block horizon.</summary>
    [Alias("GetStats")]
    Task<NetworkStats> GetStatsAsync();

    /// <summary>
    /// Schedules an enrolled chain's removal at the latest recorded height + the profile's removal
    /// delay; the chain is covered through the block before it. A chain not enrolled, or already
    /// leaving (removal or expiry scheduled or done), is rejected — with its existing schedule — and
    /// nothing changes.
    /// </summary>
    [Alias("ScheduleRemoval")]
    Task<RemovalResult> ScheduleRemovalAsync(Hash32 chainId, string reason);

    /// <summary>
    /// One page of the roster in ascending chain id order, optionally only the chains in one status,
    /// starting after a cursor (which need not be an enrolled chain).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not 1 to <see cref="ChainListQuery.MaxLimit"/>, the status is <c>Unregistered</c>, or <see cref="ChainListQuery.CoveredAt"/> is not a retained block.</exception>
    /// <exception cref="ArgumentException">Both a status and a covered-at height are given.</exception>
    [Alias("ListChains")]
    Task<ChainPage> ListChainsAsync(ChainListQuery query);

    /// <summary>The latest <paramref name="count"/> retained block records, oldest first (all retained ones when fewer).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    [Alias("GetRecentBlocks")]
    Task<System.Collections.Immutable.ImmutableArray<BlockRecord>> GetRecentBlocksAsync(int count);
}
