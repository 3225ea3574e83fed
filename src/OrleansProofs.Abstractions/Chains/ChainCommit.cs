// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>A chain's durable result at one block: the record's kind and commitment.</summary>
/// <param name="Height">Layer-1 height.</param>
/// <param name="Kind">Commit, or Gap when the replica could not be read (a fault).</param>
/// <param name="Commitment">The record's commitment (the chain's head after the block).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainCommit")]
public sealed record ChainCommit(
    [property: Id(0)] ulong Height,
    [property: Id(1)] ChainRecordKind Kind,
    [property: Id(2)] Hash32 Commitment);
