// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>One chain's input to a block's hierarchy: its id, its (persisted) group and its commitment at the block.</summary>
/// <param name="ChainId">The chain's id.</param>
/// <param name="GroupId">The group the chain is a member of.</param>
/// <param name="Commitment">The chain's commitment at the block.</param>
public readonly record struct ChainEntry(Hash32 ChainId, uint GroupId, Hash32 Commitment);
