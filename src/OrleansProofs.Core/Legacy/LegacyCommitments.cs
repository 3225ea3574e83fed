// SPDX-License-Identifier: MIT
//  v1 commitments (prototype be77690), plain SHA-256 with no domain tags:
//      ownership       = SHA-256(data_hash ‖ public_key)
//      anchored        = SHA-256(ownership ‖ block_hash ‖ be64(height))
//      physical access = SHA-256(prev ‖ block_hash ‖ be32 index… ‖ chunk_hash…)     (no height, no counts)

using System.Buffers;
using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Legacy;

/// <summary>The v1 commitment hashes, reproduced to re-check v1 files.</summary>
public static class LegacyCommitments
{
    /// <summary>v1 ownership commitment: SHA-256(data_hash ‖ public_key).</summary>
    public static Hash32 Ownership(Hash32 dataHash, Hash32 publicKey) => Sha256.HashConcat(dataHash.Bytes, publicKey.Bytes);

    /// <summary>v1 anchored commitment: SHA-256(ownership ‖ block_hash ‖ be64(height)).</summary>
    public static Hash32 Anchored(Hash32 ownership, Hash32 blockHash, ulong height)
    {
        Span<byte> heightBytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(heightBytes, height);
        return Sha256.HashConcat(ownership.Bytes, blockHash.Bytes, heightBytes);
    }

    /// <summary>The anchored commitment of a chain: ownership of (data hash, key) anchored at the initial block.</summary>
    public static Hash32 Anchored(Hash32 dataHash, Hash32 publicKey, Hash32 initialBlockHash, ulong initialBlockHeight) =>
        Anchored(Ownership(dataHash, publicKey), initialBlockHash, initialBlockHeight);

    /// <summary>v1 physical-access commitment of one record: SHA-256(prev ‖ block_hash ‖ be32 indices ‖ chunk hashes).</summary>
    public static Hash32 PhysicalAccess(Hash32 previous, Hash32 blockHash, ReadOnlySpan<uint> indices, ReadOnlySpan<Hash32> chunkHashes)
    {
        int length = checked((2 * Hash32.Size) + (4 * indices.Length) + (Hash32.Size * chunkHashes.Length));
        byte[]? rented = null;
        Span<byte> buffer = length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            previous.CopyTo(buffer);
            blockHash.CopyTo(buffer[Hash32.Size..]);
            int position = 2 * Hash32.Size;
            foreach (uint index in indices)
            {
                BinaryPrimitives.WriteUInt32BigEndian(buffer[position..], index);
                position += 4;
            }

            foreach (Hash32 hash in chunkHashes)
            {
                hash.CopyTo(buffer[position..]);
                position += Hash32.Size;
            }

            return Sha256.Hash(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
