// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>The outcome of a registration: where the chain sits and when it starts committing.</summary>
/// <param name="ChainId">The chain's id (H(chain-id tag ‖ data hash ‖ prover key)).</param>
/// <param name="GroupId">The group it was placed in (stable, persisted).</param>
/// <param name="RegionId">Its region: group id / groups per region.</param>
/// <param name="AnchorHeight">The block it is anchored to: the latest block the network had recorded at registration.</param>
/// <param name="ActivationHeight">Its first block: anchor height + 1. It is pending until then.</param>
/// <param name="ReplicaRoot">Merkle root over the stored replica's leaves.</param>
/// <param name="TotalChunks">Number of 4,096-byte chunks.</param>
/// <param name="RetentionPolicy">The retention policy recorded with the chain.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.RegisteredChain")]
public sealed record RegisteredChain(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] uint GroupId,
    [property: Id(2)] uint RegionId,
    [property: Id(3)] ulong AnchorHeight,
    [property: Id(4)] ulong ActivationHeight,
    [property: Id(5)] Hash32 ReplicaRoot,
    [property: Id(6)] ulong TotalChunks,
    [property: Id(7)] string RetentionPolicy);
