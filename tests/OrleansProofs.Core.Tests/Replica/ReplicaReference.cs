// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Tests.Replica;

/// <summary>
/// The replica encoding written straight from docs/protocol/storage.md with the BCL's SHA-256 and
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

    public static byte[] Pad(byte[] key, long index, byte[] previousStored, uint workFactor)
    {
        byte[] link = index == 0 ? new byte[32] : Tagged("posc/v1/leaf", previousStored);
        byte[] previous = index == 0 ? new byte[4096] : previousStored;
        byte[] s = Tagged("posc/v1/replica-pad", key, U64((ulong)index), link);
        for (uint j = 0; j < workFactor; j++)
        {
            int w = s[0] % 128;
            s = SHA256.HashData([.. s, .. previous.AsSpan(32 * w, 32)]);
        }

        byte[] pad = new byte[4096];
        for (uint b = 0; b < 128; b++)
        {
            SHA256.HashData([.. s, .. U32(b)]).CopyTo(pad, 32 * (int)b);
        }

        return pad;
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
            byte[] pad = Pad(key, i, previous, workFactor);
            byte[] stored = new byte[4096];
            for (int k = 0; k < 4096; k++)
            {
                stored[k] = (byte)(plain[k] ^ pad[k]);
            }

            stored.CopyTo(replica, i * 4096);
            leaves[i] = new Hash32(Tagged("posc/v1/leaf", stored));
            previous = stored;
        }

        return (replica, leaves, MerkleTree.ComputeRoot(leaves));
    }
}
