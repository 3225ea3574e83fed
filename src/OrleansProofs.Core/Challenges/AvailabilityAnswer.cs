// SPDX-License-Identifier: MIT
// Availability answer — docs/protocol.md §9.2; inputs: the challenge and the stored chunk with its Merkle path; output: the answer and its binding.

using System.Collections.Immutable;
using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Challenges;

/// <summary>
/// A prover's answer to an <see cref="AvailabilityChallenge"/>: the stored chunk's bytes, its leaf's
/// Merkle path to the registered replica root, and the binding
/// <c>H(u8 20 ‖ "posc/v1/availability" ‖ nonce(32) ‖ chain_id(32) ‖ u64 chunk_index ‖ chunk(4096))</c>.
/// The nonce comes first, so nothing precomputed from the chunk (a leaf hash, a SHA-256 midstate)
/// helps: the binding needs the chunk's bytes after the challenge exists. Everything in it is
/// untrusted until <see cref="AvailabilityVerifier"/> has checked it.
/// </summary>
/// <param name="ChainId">The chain the answer claims to be about.</param>
/// <param name="ChunkIndex">The chunk index the answer claims to open.</param>
/// <param name="Chunk">The stored (encoded) replica chunk, 4,096 bytes.</param>
/// <param name="Path">The leaf's Merkle path, bottom-up, as <see cref="Merkle.MerkleTree.BuildPath"/> produces it.</param>
/// <param name="Binding">The binding over the challenge's nonce and the chunk's bytes.</param>
public sealed record AvailabilityAnswer(Hash32 ChainId, ulong ChunkIndex, ImmutableArray<byte> Chunk, ImmutableArray<Hash32> Path, Hash32 Binding)
{
    /// <summary>Bytes hashed before the chunk: tag prefix, nonce, chain id and index.</summary>
    internal const int PrefixSize = 1 + 20 + 2 * Hash32.Size + 8;

    /// <summary>The honest answer to <paramref name="challenge"/> with the stored chunk and its path.</summary>
    /// <exception cref="ArgumentException"><paramref name="chunk"/> is not 4,096 bytes.</exception>
    public static AvailabilityAnswer Create(AvailabilityChallenge challenge, ReadOnlySpan<byte> chunk, ImmutableArray<Hash32> path)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        Hash32 binding = ComputeBinding(challenge.Nonce, challenge.ChainId, challenge.ChunkIndex, chunk);
        return new AvailabilityAnswer(challenge.ChainId, challenge.ChunkIndex, [.. chunk], path.IsDefault ? [] : path, binding);
    }

    /// <summary>
    /// <c>H(u8 20 ‖ "posc/v1/availability" ‖ nonce ‖ chain_id ‖ u64 chunk_index ‖ chunk)</c>: 4,189 bytes
    /// hashed, the chunk in place (no copy).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="chunk"/> is not 4,096 bytes.</exception>
    public static Hash32 ComputeBinding(in Hash32 nonce, in Hash32 chainId, ulong chunkIndex, ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length != ProtocolConstants.ChunkSize)
        {
            throw Error.WrongLength(nameof(chunk), ProtocolConstants.ChunkSize, chunk.Length);
        }

        Span<byte> prefix = stackalloc byte[PrefixSize];
        ProtocolWriter writer = new(prefix);
        writer.WriteTag(DomainTags.Availability);
        writer.WriteHash(nonce);
        writer.WriteHash(chainId);
        writer.WriteUInt64(chunkIndex);
        Debug.Assert(writer.Position == PrefixSize);
        return Sha256.HashConcat(prefix, chunk);
    }
}
