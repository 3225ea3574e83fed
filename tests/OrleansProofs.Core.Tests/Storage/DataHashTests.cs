// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Security.Cryptography;
using CsCheck;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Tests.Storage;

/// <summary>
/// Verifies the data hash layout (tag, big-endian length, bytes) against an independent one-shot
/// SHA-256, that streaming from files, streams and pieces gives the same digest, and the test vector.
/// </summary>
public sealed class DataHashTests
{
    /// <summary>The 5,000-byte pattern of docs/protocol.md §3: byte k = k mod 251.</summary>
    internal static byte[] Pattern5000() => Enumerable.Range(0, 5000).Select(k => (byte)(k % 251)).ToArray();

    private static Hash32 Reference(byte[] data)
    {
        byte[] input = new byte[1 + 12 + 8 + data.Length];
        input[0] = 12;
        "posc/v1/data"u8.CopyTo(input.AsSpan(1));
        BinaryPrimitives.WriteUInt64BigEndian(input.AsSpan(13), (ulong)data.Length);
        data.CopyTo(input, 21);
        return new Hash32(SHA256.HashData(input));
    }

    [Fact]
    public void Pattern5000_MatchesTheDocumentedVector()
    {
        byte[] data = Pattern5000();
        Assert.Equal(StorageVectors.DataHash, DataHash.Compute(data).ToString());
        Assert.Equal(StorageVectors.DataHash, Reference(data).ToString());
    }

    [Fact]
    public void InMemory_MatchesIndependentLayout_ForRandomSizes()
    {
        Gen.Byte.Array[0, 20_000].Sample(data => Assert.Equal(Reference(data), DataHash.Compute(data)), iter: 60);
    }

    [Fact]
    public async Task FileAndStream_MatchInMemory_AcrossBufferBoundaries()
    {
        using TempDirectory dir = new();
        foreach (int size in new[] { 1, 4095, 4096, 4097, DataHash.BufferSize - 1, DataHash.BufferSize, DataHash.BufferSize + 1, 3 * DataHash.BufferSize + 5 })
        {
            byte[] data = new byte[size];
            new Random(size).NextBytes(data);
            string path = dir.Write($"f{size}.bin", data);
            Hash32 expected = Reference(data);
            Assert.Equal(expected, DataHash.Compute(path));
            Assert.Equal(expected, await DataHash.ComputeAsync(path));
            using MemoryStream stream = new(data);
            Assert.Equal(expected, DataHash.Compute(stream, size));
        }
    }

    [Fact]
    public void LengthIsCommitted_SoAPrefixOfTheSameBytesHashesDifferently()
    {
        byte[] data = Pattern5000();
        Assert.NotEqual(DataHash.Compute(data), DataHash.Compute(data.AsSpan(0, 4999)));
        Assert.NotEqual(DataHash.Compute(data), new Hash32(SHA256.HashData(data)));
    }

    [Fact]
    public void StreamShorterThanTheCommittedLength_Throws()
    {
        using MemoryStream stream = new(new byte[10]);
        Assert.Throws<EndOfStreamException>(() => DataHash.Compute(stream, 11));
    }

    [Fact]
    public void Hasher_RejectsMoreOrFewerBytesThanCommitted()
    {
        using DataHasher over = new(4);
        Assert.Throws<ArgumentException>("data", () => over.Append(new byte[5]));
        using DataHasher under = new(4);
        under.Append(new byte[3]);
        Assert.Throws<InvalidOperationException>(() => under.Finish());
        Assert.Throws<ArgumentOutOfRangeException>("fileLength", () => new DataHasher(-1));
    }
}
