// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>
/// The answer of <c>GET /health</c> when every readiness check holds: the silo and grain storage answer
/// and the chain adapter is fresh (the latest block is at most <paramref name="MaxBlockAgeSeconds"/> old).
/// </summary>
/// <param name="Status">"healthy".</param>
/// <param name="Silo">"reachable": the node grain answered.</param>
/// <param name="Storage">"reachable": the block ingress loaded its state.</param>
/// <param name="Adapter">"fresh": blocks arrive within the allowed age.</param>
/// <param name="Network">The network served.</param>
/// <param name="Profile">The consensus profile.</param>
/// <param name="Role">The node's role ("prover").</param>
/// <param name="ProverPublicKey">The node's Ed25519 public key, hex.</param>
/// <param name="LatestHeight">The latest recorded height.</param>
/// <param name="LatestBlockAgeSeconds">Now minus the latest block's timestamp, in seconds.</param>
/// <param name="BlockIntervalSeconds">The expected time between blocks, in seconds.</param>
/// <param name="MaxBlockAgeSeconds">The age after which the adapter counts as stale, in seconds.</param>
/// <param name="MissedBlocks">Blocks overdue from the adapter (0 while blocks arrive on time).</param>
public sealed record HealthResponse(
    string Status,
    string Silo,
    string Storage,
    string Adapter,
    string Network,
    string Profile,
    string Role,
    string ProverPublicKey,
    ulong? LatestHeight,
    double? LatestBlockAgeSeconds,
    double BlockIntervalSeconds,
    double MaxBlockAgeSeconds,
    long? MissedBlocks);
