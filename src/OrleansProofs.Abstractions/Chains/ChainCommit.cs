// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>
/// A chain's result at one block: the record's kind and commitment, and the records the block added
/// (the gap records of any missed blocks, then the block's own), which the caller writes to the
/// commitment log in one batch per block before the block is published.
/// </summary>
/// <param name="Height">Layer-1 height.</param>
/// <param name="Kind">Commit, or Gap when the replica could not be read (a fault).</param>
/// <param name="Commitment">The record's commitment (the chain's head after the block).</param>
/// <param name="Records">The records this block added to the chain, ascending by height; the last is the block's own.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainCommit")]
public sealed record ChainCommit(
    [property: Id(0)] ulong Height,
    [property: Id(1)] ChainRecordKind Kind,
    [property: Id(2)] Hash32 Commitment,
    [property: Id(3)] ImmutableArray<ChainRecord> Records);
