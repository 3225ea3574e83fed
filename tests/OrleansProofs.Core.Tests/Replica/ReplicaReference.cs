// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Tests.Replica;

/// <summary>
/// The replica encoding written straight from docs/protocol.md §3 with the BCL's SHA-256 and
/// plain loops: no ProtocolWriter, no native hashing, no streaming. Tests compare the production
/// code against it, so a layout slip in either shows up as a mismatch.
/// </summary>
internal static class ReplicaReference
{
    public static byte[] Tagged(string tag, params byte[][] fields)
    {
        byte[] tagBytes = System.Text.Encoding.ASCII.GetBytes(tag);
        List<byte> input = [(byte)tagBytes.Length, .. tagBytes];
        foreach (byte[] field in fields)
        {
            input.AddRange(field);
        }

        return SHA256.HashData(input.ToArray());
    }

    public static byte[] U64(ulong value)
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] U32(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] DataHash(byte[] data) => Tagged("posc/v1/data", U64((ulong)data.Length), data);

    public static byte[] Key(byte[] publicKey, byte[] dataHash, uint workFactor) =>
        Tagged("posc/v1/replica-key", publicKey, dataHash, [1], U32(workFactor));

    /// <summary>Encodes one chunk word by word, exactly as the document states it.</summary>
    public static byte[] EncodeChunk(byte[] key, long index, byte[] previousStored, byte[] plain, uint workFactor)
    {
        byte[] above = index == 0 ? new byte[4096] : previousStored;
        byte[] row = Tagged("posc/v1/replica-pad", key, U64((ulong)index));
        byte[] stored = new byte[4096];
        for (int k = 0; k < 128; k++)
        {
            byte[] left = k == 0 ? new byte[32] : stored[((k - 1) * 32)..(k * 32)];
            byte[] up = above[(k * 32)..((k + 1) * 32)];
            byte[] x = SHA256.HashData([.. row, (byte)k, .. left, .. up]);
            long iterations = (workFactor / 128) + (k < workFactor % 128 ? 1 : 0);
            for (long j = 0; j < iterations; j++)
            {
                x = SHA256.HashData(x);
            }

            for (int b = 0; b < 32; b++)
            {
                stored[(k * 32) + b] = (byte)(plain[(k * 32) + b] ^ x[b]);
            }
        }

        return stored;
    }

    /// <summary>Encodes a whole file: the replica bytes, its leaves and its root.</summary>
    public static (byte[] Replica, Hash32[] Leaves, Hash32 Root) Encode(byte[] data, byte[] publicKey, uint workFactor)
    {
        int chunks = (data.Length + 4095) / 4096;
        byte[] key = Key(publicKey, DataHash(data), workFactor);
        byte[] replica = new byte[chunks * 4096];
        Hash32[] leaves = new Hash32[chunks];
        byte[] previous = [];
        for (int i = 0; i < chunks; i++)
        {
            byte[] plain = new byte[4096];
            data.AsSpan(i * 4096, Math.Min(4096, data.Length - (i * 4096))).CopyTo(plain);
            byte[] stored = EncodeChunk(key, i, previous, plain, workFactor);
            stored.CopyTo(replica, i * 4096);
            leaves[i] = new Hash32(Tagged("posc/v1/leaf", stored));
            previous = stored;
        }

        return (replica, leaves, MerkleTree.ComputeRoot(leaves));
    }
}
