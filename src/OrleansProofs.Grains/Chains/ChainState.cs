// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Grains.Chains;

/// <summary>
/// A chain's persisted state, O(1) in the chain's age: the header, the network it follows, its
/// placement, the head, the fault count and a proof window bounded by the profile. Replaced as a
/// whole on every change, so a failed write can restore the previous value exactly.
/// </summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.ChainState")]
internal sealed record ChainState
{
    /// <summary>The anchored header; null until registered.</summary>
    [Id(0)] public ChainHeader? Header { get; init; }

    /// <summary>The network (block ingress key) the chain follows.</summary>
    [Id(1)] public string Network { get; init; } = string.Empty;

    /// <summary>True once the ingress has accepted the enrollment at the header's anchor.</summary>
    [Id(2)] public bool Enrolled { get; init; }

    /// <summary>The chain's group.</summary>
    [Id(3)] public uint GroupId { get; init; }

    /// <summary>The chain's region.</summary>
    [Id(4)] public uint RegionId { get; init; }

    /// <summary>Height of the head record (the anchor height before the first block).</summary>
    [Id(5)] public ulong HeadHeight { get; init; }

    /// <summary>The head commitment (the anchored commitment before the first block).</summary>
    [Id(6)] public Hash32 Head { get; init; }

    /// <summary>Gap records so far.</summary>
    [Id(7)] public ulong Faults { get; init; }

    /// <summary>
    /// Empty in every state this build writes: the proof window is read from the commitment log. States
    /// written by earlier builds carried the last records here; the field stays so they still decode, and
    /// activation drops it.
    /// </summary>
    [Id(8)] public ImmutableArray<ChainRecord> Window { get; init; } = [];

    /// <summary>The retention policy named at registration.</summary>
    [Id(9)] public string RetentionPolicy { get; init; } = string.Empty;

    /// <summary>The operator labels given at registration.</summary>
    [Id(10)] public ImmutableDictionary<string, string> Metadata { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The removal or expiry schedule; null while the chain is not leaving.</summary>
    [Id(11)] public ChainRemovalSchedule? Removal { get; init; }

    /// <summary>True when the records and metadata are exported to the archive folder at removal.</summary>
    [Id(12)] public bool Archive { get; init; }

    /// <summary>True once the removal took effect: archive written, replica released, no further commits.</summary>
    [Id(13)] public bool RemovalCompleted { get; init; }
}
