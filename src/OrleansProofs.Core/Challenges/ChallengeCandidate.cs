// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Challenges;

/// <summary>A chain a verifier may challenge: its id and its registered chunk count.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="TotalChunks">Its registered chunk count (at least 1).</param>
public readonly record struct ChallengeCandidate(Hash32 ChainId, ulong TotalChunks);
