// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The answer of <c>GET /api/chains</c>: a page of chains ascending by chain id.</summary>
/// <param name="Items">The chains on this page.</param>
/// <param name="Next">The <c>after</c> cursor of the next page, or null when this page is the last.</param>
public sealed record ChainListResponse(IReadOnlyList<ChainListItem> Items, string? Next);

/// <summary>One chain of a <see cref="ChainListResponse"/>: the roster's view plus the chain's own counters.</summary>
/// <param name="ChainId">The chain id, hex.</param>
/// <param name="Status">The roster's status at the latest block (what the status filter matches).</param>
/// <param name="GroupId">Stable group.</param>
/// <param name="RegionId">Its region.</param>
/// <param name="AnchorHeight">The anchor block.</param>
/// <param name="ActivationBlock">The chain's first block (anchor + 1).</param>
/// <param name="TotalChunks">Number of 4,096-byte chunks.</param>
/// <param name="ChainLength">Records so far, gaps included.</param>
/// <param name="HeadHeight">Height of the head record.</param>
/// <param name="Faults">Gap records so far.</param>
/// <param name="RetentionPolicy">The recorded retention policy.</param>
public sealed record ChainListItem(
    string ChainId,
    string Status,
    uint GroupId,
    uint RegionId,
    ulong AnchorHeight,
    ulong ActivationBlock,
    ulong TotalChunks,
    ulong ChainLength,
    ulong HeadHeight,
    ulong Faults,
    string RetentionPolicy);
