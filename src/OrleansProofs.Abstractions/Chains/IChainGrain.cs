// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Orleans.CodeGeneration;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>
/// One chain (one registered file), keyed by its chain id in lower-case hex. The only writer of the
/// chain: it encodes the replica at registration, commits once per block in height order, and keeps
/// the header, head, length, fault count and a bounded proof window (O(1) state per chain).
/// </summary>
[Alias("OrleansProofs.IChainGrain")]
[Version(3)]
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>
    /// Encodes the file into this node's replica, anchors the chain to the latest recorded block and
    /// enrolls it with the network's block ingress. Idempotent: a registered chain returns its registration.
    /// </summary>
    /// <exception cref="ArgumentException">The path is outside the data folder, the file is missing or too small, or its chain id under this node's key is not this grain's key.</exception>
    /// <exception cref="InvalidOperationException">No block has been recorded yet to anchor to.</exception>
    [Alias("Register")]
    Task<RegisteredChain> RegisterAsync(ChainRegistrationRequest request);

    /// <summary>
    /// Commits at <paramref name="ticket"/>'s block and returns the durable result. The same height
    /// as the head (same block hash) returns the stored result; a lower height, a different hash at the
    /// head height, or a skipped height whose block is not in <see cref="BlockTicket.Missed"/> is rejected.
    /// </summary>
    /// <exception cref="InvalidOperationException">The chain is not registered.</exception>
    /// <exception cref="ArgumentException">The ticket is older than the head, conflicts with it, or leaves a gap.</exception>
    [Alias("Commit")]
    [ResponseTimeout(Aggregation.BlockCallTimeout.Value)]
    Task<ChainCommit> CommitAsync(BlockTicket ticket);

    /// <summary>The chain's public state and proof window.</summary>
    [Alias("GetInfo")]
    Task<ChainInfo> GetInfoAsync();

    /// <summary>
    /// The chain's info without its proof window (<see cref="ChainInfo.Window"/> empty): answered from the
    /// activation's state alone, with no commitment-log read, for callers that need status, header or
    /// counts (listings, registration checks, verifiers looking up a header).
    /// </summary>
    [Alias("GetSummary")]
    Task<ChainInfo> GetSummaryAsync();

    /// <summary>The record at <paramref name="height"/> if it is still in the proof window; otherwise null.</summary>
    [Alias("GetRecord")]
    Task<ChainRecord?> GetRecordAsync(ulong height);

    /// <summary>Releases the replica file and deactivates this activation (the next call re-opens it).</summary>
    [Alias("Deactivate")]
    Task DeactivateAsync();

    /// <summary>
    /// Opens stored replica chunks: each chunk's bytes and its leaf's Merkle path to the replica root,
    /// in the order asked (at most the proof window's chunks: proof window blocks × chunks per block).
    /// The replica file is held by this activation and released on deactivation.
    /// </summary>
    /// <exception cref="InvalidOperationException">The chain is not registered, or its replica cannot be read.</exception>
    /// <exception cref="ArgumentException">No index, too many, or an index at or past the chunk count.</exception>
    [Alias("OpenChunks")]
    Task<ImmutableArray<ChunkOpeningData>> OpenChunksAsync(ImmutableArray<ulong> indices);

    /// <summary>
    /// Schedules this chain's removal through its network's ingress at the latest recorded height +
    /// the profile's removal delay. The chain keeps committing until then; at the removal height it
    /// stops, its group slot is freed and its replica file released (with <paramref name="archive"/>,
    /// after its records and metadata are exported to <c>{data}/archive/{chainId}/</c>). A chain that
    /// is not registered, or is already removing, removed or expired, is rejected and nothing changes.
    /// </summary>
    /// <param name="reason">The operator's reason: null or empty for none, at most <see cref="ChainRemovalRules.MaxReasonLength"/> characters, no control characters.</param>
    /// <param name="archive">Export the chain's records and metadata before the replica is released.</param>
    /// <exception cref="ArgumentException">The reason breaks <see cref="ChainRemovalRules"/> (parameter <c>reason</c>).</exception>
    [Alias("RequestRemoval")]
    Task<RemovalResult> RequestRemovalAsync(string? reason, bool archive);

    /// <summary>
    /// The ingress tells the chain of a removal it scheduled (a retention expiry, or a removal the
    /// chain had not recorded): the chain shows <see cref="ChainStatus.Removing"/>. Idempotent.
    /// </summary>
    /// <exception cref="ArgumentException">The schedule is for another chain.</exception>
    [Alias("OnRemovalScheduled")]
    Task OnRemovalScheduledAsync(ChainRemovalSchedule schedule);

    /// <summary>
    /// The ingress recorded the removal block: the chain writes its archive (when asked for, and
    /// always on expiry), releases its replica file and ends as <see cref="ChainStatus.Removed"/> or
    /// <see cref="ChainStatus.Expired"/>. Its records stay readable for proofs of earlier blocks. Idempotent.
    /// </summary>
    /// <exception cref="ArgumentException">The schedule is for another chain.</exception>
    [Alias("CompleteRemoval")]
    Task CompleteRemovalAsync(ChainRemovalSchedule schedule);
}
