// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Storage;

/// <summary>
/// The per-block commitment history within the audit horizon: every chain record a block produced,
/// written in one batch per block (not one storage round-trip per chain), read back by height (to
/// rebuild a block's hierarchy for proof paths) or by chain (to bring a reactivated chain's head up
/// to date), and pruned below the horizon so storage stays O(chains × horizon).
/// </summary>
/// <remarks>
/// Appends are idempotent: a chain's record at a height is the same every time it is computed (chain
/// commits are deterministic), so writing it again after a failed block is harmless.
/// <para>
/// Every call names the group the chains belong to (group membership is stable: a chain never changes
/// group). A store may use it to keep a group's rows of one block together: SQLite keys rows by
/// (network, height, group, chain), so each group's batch fills a few adjacent pages instead of touching a
/// page per chain across the whole block (at 100,000 chains that was ≈ 1.3 GB written per block). Callers
/// must read a chain under the group it was appended with; a store may ignore the group.
/// </para>
/// </remarks>
public interface ICommitmentLog
{
    /// <summary>Writes <paramref name="entries"/> durably, all or nothing; an entry already present is replaced by the same value.</summary>
    Task AppendAsync(string network, uint groupId, IReadOnlyList<CommitmentLogEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The records of <paramref name="chainId"/> above <paramref name="afterHeight"/>, ascending by height.</summary>
    Task<IReadOnlyList<CommitmentLogEntry>> ReadChainAsync(string network, uint groupId, Hash32 chainId, ulong afterHeight, CancellationToken cancellationToken = default);

    /// <summary>Every chain's record at <paramref name="height"/>, in no particular order.</summary>
    Task<IReadOnlyList<CommitmentLogEntry>> ReadHeightAsync(string network, ulong height, CancellationToken cancellationToken = default);

    /// <summary>
    /// The records of <paramref name="chainIds"/> at <paramref name="height"/> (those present), in no
    /// particular order: one group's members for a proof path, without reading the whole block.
    /// </summary>
    Task<IReadOnlyList<CommitmentLogEntry>> ReadChainsAtAsync(string network, ulong height, uint groupId, IReadOnlyCollection<Hash32> chainIds, CancellationToken cancellationToken = default);

    /// <summary>Deletes the records below <paramref name="height"/> (they left the audit horizon).</summary>
    Task PruneBelowAsync(string network, ulong height, CancellationToken cancellationToken = default);

    /// <summary>A round trip to the store that reads nothing (readiness probes); throws when the store cannot be reached.</summary>
    Task CheckReachableAsync(CancellationToken cancellationToken = default);
}
