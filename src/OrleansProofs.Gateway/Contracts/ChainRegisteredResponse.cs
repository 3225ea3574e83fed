// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The answer of <c>POST /api/chains</c>.</summary>
/// <param name="ChainId">H(chain-id tag ‖ data hash ‖ node key), hex.</param>
/// <param name="GroupId">Stable group.</param>
/// <param name="RegionId">Its region.</param>
/// <param name="AnchorHeight">The block the chain is anchored to (latest at registration).</param>
/// <param name="ActivationBlock">The chain's first block (anchor + 1).</param>
/// <param name="RetentionPolicy">The recorded retention policy.</param>
/// <param name="ReplicaRoot">Merkle root over the stored replica's leaves, hex.</param>
/// <param name="TotalChunks">Number of 4,096-byte chunks.</param>
/// <param name="AlreadyRegistered">True when the chain existed before this request (200 instead of 201).</param>
public sealed record ChainRegisteredResponse(
    string ChainId,
    uint GroupId,
    uint RegionId,
    ulong AnchorHeight,
    ulong ActivationBlock,
    string RetentionPolicy,
    string ReplicaRoot,
    ulong TotalChunks,
    bool AlreadyRegistered);
