// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>A chain's public state (the gateway's <c>GET /api/chains/{chainId}</c>).</summary>
/// <param name="ChainId">The chain's id.</param>
/// <param name="Status">Unregistered, pending, active, removing, removed or expired.</param>
/// <param name="Header">The chain's anchored header; null when unregistered.</param>
/// <param name="GroupId">Its group.</param>
/// <param name="RegionId">Its region.</param>
/// <param name="TotalChunks">Number of chunks (0 when unregistered).</param>
/// <param name="ChainLength">Records so far, gaps included (head height − anchor height).</param>
/// <param name="ReplicaRoot">The replica root (zero when unregistered).</param>
/// <param name="HeadHeight">Height of the head record (the anchor height before the first block).</param>
/// <param name="HeadCommitment">The head commitment (the anchored commitment before the first block).</param>
/// <param name="Faults">Gap records so far.</param>
/// <param name="Window">The proof window: the last records, oldest first, at most the profile's proof window.</param>
/// <param name="RetentionPolicy">The retention policy recorded at registration (empty when unregistered).</param>
/// <param name="Metadata">The operator labels recorded at registration.</param>
/// <param name="Removal">The scheduled (or completed) removal or expiry; null while the chain is not leaving.</param>
/// <param name="Archive">True when the chain's records and metadata are (or will be, at removal) exported to the node's archive folder.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainInfo")]
public sealed record ChainInfo(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] ChainStatus Status,
    [property: Id(2)] ChainHeader? Header,
    [property: Id(3)] uint GroupId,
    [property: Id(4)] uint RegionId,
    [property: Id(5)] ulong TotalChunks,
    [property: Id(6)] ulong ChainLength,
    [property: Id(7)] Hash32 ReplicaRoot,
    [property: Id(8)] ulong HeadHeight,
    [property: Id(9)] Hash32 HeadCommitment,
    [property: Id(10)] ulong Faults,
    [property: Id(11)] ImmutableArray<ChainRecord> Window,
    [property: Id(12)] string RetentionPolicy,
    [property: Id(13)] ImmutableDictionary<string, string> Metadata,
    [property: Id(14)] ChainRemovalSchedule? Removal = null,
    [property: Id(15)] bool Archive = false);
