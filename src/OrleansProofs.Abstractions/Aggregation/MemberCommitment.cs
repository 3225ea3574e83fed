// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Aggregation;

/// <summary>One group member's commitment at a block (the input of its chain leaf).</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Commitment">Its record's commitment at the block.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.MemberCommitment")]
public sealed record MemberCommitment([property: Id(0)] Hash32 ChainId, [property: Id(1)] Hash32 Commitment);
