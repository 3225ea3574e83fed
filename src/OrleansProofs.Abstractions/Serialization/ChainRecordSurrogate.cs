// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Abstractions.Serialization;

/// <summary>Wire and storage form of a Core <see cref="ChainRecord"/>; converting back re-checks the record's shape.</summary>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainRecord")]
public readonly struct ChainRecordSurrogate
{
    /// <summary>Commit or gap.</summary>
    [Id(0)] public ChainRecordKind Kind { get; init; }

    /// <summary>Layer-1 height.</summary>
    [Id(1)] public ulong Height { get; init; }

    /// <summary>Layer-1 block hash.</summary>
    [Id(2)] public Hash32 BlockHash { get; init; }

    /// <summary>The commitment the record links to.</summary>
    [Id(3)] public Hash32 PreviousCommitment { get; init; }

    /// <summary>Selected chunk indices (empty for a gap).</summary>
    [Id(4)] public ImmutableArray<ulong> Indices { get; init; }

    /// <summary>Access digests aligned with the indices (empty for a gap).</summary>
    [Id(5)] public ImmutableArray<Hash32> AccessDigests { get; init; }

    /// <summary>The record's commitment.</summary>
    [Id(6)] public Hash32 Commitment { get; init; }
}
