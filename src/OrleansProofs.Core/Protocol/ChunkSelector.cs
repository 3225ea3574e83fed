// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// Picks which chunks a chain must read at a block, from public inputs only.
/// <list type="bullet">
/// <item>draw stream: digest_c = <c>H(tag "posc/v1/selection" ‖ block_entropy ‖ chain_id ‖ previous_commitment ‖ u32 c)</c>
/// for c = 0, 1, 2, …; each digest yields four big-endian u64 words, bytes 0–7, 8–15, 16–23, 24–31;</item>
/// <item>unbiased: with n = total chunks, a word w ≥ 2^64 − (2^64 mod n) is rejected, otherwise the
/// candidate is w mod n (every index has exactly the same number of accepted words);</item>
/// <item>a candidate already selected is skipped; selection stops at k = min(chunksPerBlock, n)
/// distinct indices, kept in draw order (the unused words of the last digest are discarded).</item>
/// </list>
/// </summary>
public static class ChunkSelector
{
    /// <summary>Bytes hashed per digest: tag prefix, entropy, chain id, previous commitment, counter.</summary>
    internal const int InputSize = 1 + 17 + 3 * Hash32.Size + 4;

    /// <summary>Number of indices a block selects: min(<paramref name="chunksPerBlock"/>, <paramref name="totalChunks"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public static int SelectionCount(ulong totalChunks, int chunksPerBlock)
    {
        ValidateCounts(totalChunks, chunksPerBlock);
        return (int)Math.Min((ulong)chunksPerBlock, totalChunks);
    }

    /// <summary>
    /// Writes the selected indices into <paramref name="destination"/> and returns how many were
    /// written (k). Allocates nothing.
    /// </summary>
    /// <param name="entropy">The block's entropy (<see cref="BlockEntropy"/>).</param>
    /// <param name="chainId">The chain's id.</param>
    /// <param name="previousCommitment">The chain's previous commitment (the anchored commitment for the first block).</param>
    /// <param name="totalChunks">Chunks in the chain's replica, at least 1.</param>
    /// <param name="chunksPerBlock">The profile's chunks per block, 1 to <see cref="ProtocolConstants.MaxChunksPerBlock"/>.</param>
    /// <param name="destination">Receives k indices; must hold at least k.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than k.</exception>
    public static int Select(
        in Hash32 entropy,
        in Hash32 chainId,
        in Hash32 previousCommitment,
        ulong totalChunks,
        int chunksPerBlock,
        Span<ulong> destination)
    {
        int k = SelectionCount(totalChunks, chunksPerBlock);
        if (destination.Length < k)
        {
            throw Error.Invalid(nameof(destination), $"must hold at least k = {k} indices; it holds {destination.Length}.");
        }

        SelectCore(entropy, chainId, previousCommitment, totalChunks, destination[..k]);
        return k;
    }

    /// <summary>
    /// True when <paramref name="claimed"/> is exactly the selection (same indices, same order).
    /// Allocates nothing; returns false for a wrong count instead of throwing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public static bool Verify(
        in Hash32 entropy,
        in Hash32 chainId,
        in Hash32 previousCommitment,
        ulong totalChunks,
        int chunksPerBlock,
        ReadOnlySpan<ulong> claimed)
    {
        int k = SelectionCount(totalChunks, chunksPerBlock);
        if (claimed.Length != k)
        {
            return false;
        }

        Span<ulong> expected = stackalloc ulong[ProtocolConstants.MaxChunksPerBlock];
        SelectCore(entropy, chainId, previousCommitment, totalChunks, expected[..k]);
        return expected[..k].SequenceEqual(claimed);
    }

    private static void SelectCore(
        in Hash32 entropy,
        in Hash32 chainId,
        in Hash32 previousCommitment,
        ulong totalChunks,
        Span<ulong> selected)
    {
        Span<byte> input = stackalloc byte[InputSize];
        ProtocolWriter writer = new(input);
        writer.WriteTag(DomainTags.Selection);
        writer.WriteHash(entropy);
        writer.WriteHash(chainId);
        writer.WriteHash(previousCommitment);
        writer.WriteUInt32(0);
        Debug.Assert(writer.Position == InputSize);
        Span<byte> counterField = input[^4..];

        // 2^64 mod n, computed without 128-bit arithmetic: (2^64 − n) mod n. Words at or above
        // 2^64 − remainder would make the low indices one draw more likely, so they are rejected.
        ulong remainder = (ulong.MaxValue - totalChunks + 1) % totalChunks;
        ulong lastAccepted = ulong.MaxValue - remainder;

        Span<byte> digest = stackalloc byte[Sha256.HashSize];
        int count = 0;
        uint counter = 0;
        while (true)
        {
            BinaryPrimitives.WriteUInt32BigEndian(counterField, counter);
            Sha256.Hash(input, digest);
            for (int word = 0; word < 4; word++)
            {
                ulong w = BinaryPrimitives.ReadUInt64BigEndian(digest.Slice(word * 8, 8));
                if (w > lastAccepted)
                {
                    continue;
                }

                ulong candidate = w % totalChunks;
                if (selected[..count].Contains(candidate))
                {
                    continue;
                }

                selected[count++] = candidate;
                if (count == selected.Length)
                {
                    return;
                }
            }

            // 2^32 digests yield 2^34 words; exhausting them for k ≤ 64 has no realistic probability,
            // and checked arithmetic turns it into an exception rather than a repeated stream.
            counter = checked(counter + 1);
        }
    }

    private static void ValidateCounts(ulong totalChunks, int chunksPerBlock)
    {
        if (totalChunks == 0)
        {
            throw Error.OutOfRange(nameof(totalChunks), totalChunks, "must be at least 1");
        }

        if (chunksPerBlock is < 1 or > ProtocolConstants.MaxChunksPerBlock)
        {
            throw Error.OutOfRange(nameof(chunksPerBlock), chunksPerBlock, $"must be between 1 and {ProtocolConstants.MaxChunksPerBlock}");
        }
    }
}
