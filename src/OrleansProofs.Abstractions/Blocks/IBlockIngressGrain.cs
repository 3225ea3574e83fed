// SPDX-License-Identifier: MIT

using Orleans.CodeGeneration;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Abstractions.Blocks;

/// <summary>
/// The per-network block pipeline (key: network name). For each new block it activates pending
/// chains, fans the commit out to every covered chain, builds the hierarchy over their commitments
/// (stable persisted group placement), signs the block attestation with the node key, and persists
/// the block record only after every chain's commit is durable.
/// </summary>
[Alias("OrleansProofs.IBlockIngressGrain")]
[Version(1)]
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
    [Alias("EnrollChain")]
    Task<ChainPlacement> EnrollChainAsync(ChainEnrollment enrollment);

    /// <summary>
    /// The hierarchy path of <paramref name="chainId"/> at a retained block, rebuilt from the covered
    /// chains' records and checked against the recorded global root.
    /// </summary>
    /// <exception cref="ArgumentException">The block is not retained or the chain is not covered by it.</exception>
    [Alias("GetHierarchyPath")]
    Task<HierarchyPath> GetHierarchyPathAsync(Hash32 chainId, ulong height);

    /// <summary>The roster's size and placement and the retained block horizon.</summary>
    [Alias("GetStats")]
    Task<NetworkStats> GetStatsAsync();

    /// <summary>The latest <paramref name="count"/> retained block records, oldest first (all retained ones when fewer).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    [Alias("GetRecentBlocks")]
    Task<System.Collections.Immutable.ImmutableArray<BlockRecord>> GetRecentBlocksAsync(int count);
}
