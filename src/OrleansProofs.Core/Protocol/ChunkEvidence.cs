// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// Possession evidence for one selected chunk: the stored 4,096-byte replica chunk and its Merkle
/// path to the chain's replica root. Untrusted input: the verifier checks that the bytes are the
/// registered replica's chunk at <paramref name="Index"/> (leaf and path) and that the record's
/// access digest was computed over these bytes with the block's entropy.
/// </summary>
/// <param name="Index">The chunk index it claims to be.</param>
/// <param name="Chunk">The stored (encoded) chunk bytes.</param>
/// <param name="Path">Siblings bottom-up, as <see cref="Merkle.MerkleTree.BuildPath"/> produces them.</param>
public sealed record ChunkEvidence(ulong Index, ReadOnlyMemory<byte> Chunk, ImmutableArray<Hash32> Path);
