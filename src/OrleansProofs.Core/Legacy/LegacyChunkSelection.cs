// SPDX-License-Identifier: MIT
//  v1 chunk selection (prototype be77690 select_chunks_v1)
//      for slot in 0..4: for attempt in 0..16:
//          h = SHA-256(block_hash ‖ be32(slot) ‖ be32(attempt)); idx = be64(h[0..8]) mod total
//          first idx not yet taken wins; after 16 misses the smallest untaken index is used.
//      Output in selection order. Plain modulo (biased) and no chain binding: kept only to verify
//      files that already exist, never to select chunks for new chains.

using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Legacy;

/// <summary>The earlier prototype's v1 chunk selection, reproduced bit-for-bit to re-check v1 records.</summary>
public static class LegacyChunkSelection
{
    /// <summary>
    /// Writes the 4 indices v1 selects for <paramref name="blockHash"/> in a file of
    /// <paramref name="totalChunks"/> chunks into <paramref name="destination"/>, in selection order.
    /// Allocation-free.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalChunks"/> is below 4 (v1 refused such files a block) or above 2^32.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not 4 elements long.</exception>
    public static void Select(Hash32 blockHash, ulong totalChunks, Span<uint> destination)
    {
        if (totalChunks < LegacyFormat.MinimumSelectableChunks || totalChunks > uint.MaxValue)
        {
            throw Error.OutOfRange(nameof(totalChunks), totalChunks, $"must be {LegacyFormat.MinimumSelectableChunks}..{uint.MaxValue} for v1 selection (it always selects {LegacyFormat.ChunksPerBlock} distinct chunks)");
        }

        if (destination.Length != LegacyFormat.ChunksPerBlock)
        {
            throw Error.Invalid(nameof(destination), $"v1 selects exactly {LegacyFormat.ChunksPerBlock} chunks; the span has {destination.Length} elements.");
        }

        Span<byte> input = stackalloc byte[Hash32.Size + 8];
        blockHash.CopyTo(input);
        Span<byte> digest = stackalloc byte[Hash32.Size];
        for (int slot = 0; slot < LegacyFormat.ChunksPerBlock; slot++)
        {
            ReadOnlySpan<uint> taken = destination[..slot];
            BinaryPrimitives.WriteUInt32BigEndian(input[Hash32.Size..], (uint)slot);
            bool found = false;
            for (uint attempt = 0; attempt < LegacyFormat.SelectionAttempts && !found; attempt++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(input[(Hash32.Size + 4)..], attempt);
                Sha256.Hash(input, digest);
                uint index = (uint)(BinaryPrimitives.ReadUInt64BigEndian(digest) % totalChunks);
                if (!taken.Contains(index))
                {
                    destination[slot] = index;
                    found = true;
                }
            }

            if (!found)
            {
                uint smallest = 0;
                while (taken.Contains(smallest))
                {
                    smallest++;
                }

                destination[slot] = smallest;
            }
        }
    }

    /// <summary>Returns the 4 indices v1 selects, in selection order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalChunks"/> is below 4 or above 2^32.</exception>
    public static uint[] Select(Hash32 blockHash, ulong totalChunks)
    {
        uint[] indices = new uint[LegacyFormat.ChunksPerBlock];
        Select(blockHash, totalChunks, indices);
        return indices;
    }
}
