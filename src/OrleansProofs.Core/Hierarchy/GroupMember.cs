// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>One chain of a group at a block: its id and the commitment it made at that block.</summary>
/// <param name="ChainId">The chain's id.</param>
/// <param name="Commitment">The chain's commitment at the block.</param>
public readonly record struct GroupMember(Hash32 ChainId, Hash32 Commitment);
