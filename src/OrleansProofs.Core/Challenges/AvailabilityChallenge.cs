// SPDX-License-Identifier: MIT
// Availability challenge — docs/protocol.md §9.1; what a verifier asks a prover for: one stored chunk of one chain, bound to a fresh nonce.

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Challenges;

/// <summary>
/// One availability challenge: the verifier asks the prover for the stored replica chunk
/// <paramref name="ChunkIndex"/> of chain <paramref name="ChainId"/>, with its Merkle path, bound to
/// <paramref name="Nonce"/>. The verifier draws the pair and the nonce from its own secret randomness
/// (<see cref="ChallengeDraw"/>), so the prover can neither predict the question nor reuse an old answer.
/// </summary>
/// <param name="ChainId">The challenged chain.</param>
/// <param name="ChunkIndex">The challenged chunk (0-based, below the chain's registered chunk count).</param>
/// <param name="Nonce">32 fresh bytes from the verifier; the answer's binding covers them.</param>
public sealed record AvailabilityChallenge(Hash32 ChainId, ulong ChunkIndex, Hash32 Nonce);
