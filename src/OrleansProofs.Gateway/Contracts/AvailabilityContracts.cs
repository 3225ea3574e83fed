// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The body of <c>POST /api/challenges/availability</c>: a verifier's challenge.</summary>
/// <param name="ChainId">The challenged chain, 64 hex.</param>
/// <param name="ChunkIndex">The challenged chunk, below the chain's chunk count.</param>
/// <param name="Nonce">The verifier's fresh 32-byte nonce, 64 hex.</param>
/// <param name="VerifierKey">The asking verifier's public key, 64 hex (optional; for the prover's logs only).</param>
public sealed record AvailabilityChallengeBody(string? ChainId, ulong? ChunkIndex, string? Nonce, string? VerifierKey);

/// <summary>The answer of <c>POST /api/challenges/availability</c> (docs/protocol.md §9.2).</summary>
/// <param name="ChainId">The chain, hex.</param>
/// <param name="ChunkIndex">The chunk index.</param>
/// <param name="Nonce">The challenge's nonce, echoed, hex.</param>
/// <param name="Chunk">The stored replica chunk, 4,096 bytes, base64.</param>
/// <param name="Path">The chunk leaf's Merkle path to the replica root, bottom-up, hex.</param>
/// <param name="ReplicaRoot">The chain's registered replica root, hex (informational: a verifier checks against the root it pinned).</param>
/// <param name="TotalChunks">The chain's chunk count (informational, likewise).</param>
/// <param name="Binding">H(availability tag ‖ nonce ‖ chain id ‖ index ‖ chunk), hex.</param>
public sealed record AvailabilityAnswerResponse(
    string ChainId,
    ulong ChunkIndex,
    string Nonce,
    string Chunk,
    IReadOnlyList<string> Path,
    string ReplicaRoot,
    ulong TotalChunks,
    string Binding);
