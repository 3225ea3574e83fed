// SPDX-License-Identifier: MIT
// Access digest — docs/protocol.md §4 §4.1; inputs: block entropy, chain id, chunk index,
// the stored 4,096-byte chunk; output: the per-chunk entry of the access commitment.

using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// What a chain commits to for one selected chunk at one block:
/// <c>H(tag "posc/v1/access" ‖ block_entropy ‖ chain_id ‖ u64 index ‖ stored 4,096-byte chunk)</c>.
/// The block entropy is unknown before the block exists and comes before the chunk in the hashed
/// input, so no value precomputed from the chunk (a leaf hash, a SHA-256 chaining state) helps: the
/// digest needs the chunk's bytes at block time. Index and chain id bind the digest to one slot of
/// one chain, so it cannot be reused for another index, chain or block. A verifier can check a
/// digest only against the chunk bytes (<see cref="ChunkEvidence"/>).
/// </summary>
public static class AccessDigest
{
    /// <summary>Bytes hashed before the chunk: tag prefix, entropy, chain id and index.</summary>
    internal const int PrefixSize = 1 + 14 + 2 * Hash32.Size + 8;

    /// <summary>Total bytes hashed per digest: the prefix and one chunk.</summary>
    internal const int InputSize = PrefixSize + ProtocolConstants.ChunkSize;

    /// <summary>
    /// Computes the digest. The chunk is hashed in place (no copy); allocates nothing.
    /// </summary>
    /// <param name="blockEntropy">The block's entropy (<see cref="BlockEntropy"/>).</param>
    /// <param name="chainId">The chain's id.</param>
    /// <param name="index">The chunk's index in the replica.</param>
    /// <param name="storedChunk">The stored (encoded) replica chunk, exactly 4,096 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="storedChunk"/> is not 4,096 bytes.</exception>
    public static Hash32 Compute(in Hash32 blockEntropy, in Hash32 chainId, ulong index, ReadOnlySpan<byte> storedChunk)
    {
        if (storedChunk.Length != ProtocolConstants.ChunkSize)
        {
            throw Error.WrongLength(nameof(storedChunk), ProtocolConstants.ChunkSize, storedChunk.Length);
        }

        Span<byte> prefix = stackalloc byte[PrefixSize];
        ProtocolWriter writer = new(prefix);
        writer.WriteTag(DomainTags.Access);
        writer.WriteHash(blockEntropy);
        writer.WriteHash(chainId);
        writer.WriteUInt64(index);
        Debug.Assert(writer.Position == PrefixSize);
        return Sha256.HashConcat(prefix, storedChunk);
    }
}
