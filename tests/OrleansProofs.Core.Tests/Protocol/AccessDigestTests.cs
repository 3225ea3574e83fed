// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// Verifies the access digest: its input is exactly tag ‖ entropy ‖ chain id ‖ u64 index ‖ chunk
/// (checked against a plain concatenation hashed by the BCL), it binds every field and every chunk
/// byte, it is not the leaf hash, it takes exactly 4,096 bytes (naming <c>storedChunk</c>), and it
/// allocates nothing.
/// </summary>
public sealed class AccessDigestTests
{
    private static readonly Hash32 Entropy = Sha256.Hash("entropy"u8);
    private static readonly Hash32 Chain = Sha256.Hash("chain"u8);
    private static readonly Hash32 Other = Sha256.Hash("other"u8);

    private static byte[] Chunk(int seed)
    {
        byte[] chunk = new byte[ProtocolConstants.ChunkSize];
        new Random(seed).NextBytes(chunk);
        return chunk;
    }

    [Fact]
    public void Input_IsTagEntropyChainIndexChunk_InThatOrder()
    {
        byte[] chunk = Chunk(1);
        byte[] index = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(index, 0x0102030405060708);
        byte[] input = [(byte)DomainTags.Access.Length, .. DomainTags.Access, .. Entropy.Bytes, .. Chain.Bytes, .. index, .. chunk];
        Assert.Equal(4183, input.Length);
        Assert.Equal(AccessDigest.InputSize, input.Length);
        Assert.Equal(Sha256.HashManaged(input), AccessDigest.Compute(Entropy, Chain, 0x0102030405060708, chunk));
        Assert.Equal("posc/v1/access", System.Text.Encoding.ASCII.GetString(DomainTags.Access));
    }

    [Fact]
    public void EveryFieldAndEveryChunkByte_ChangesTheDigest()
    {
        byte[] chunk = Chunk(2);
        Hash32 honest = AccessDigest.Compute(Entropy, Chain, 7, chunk);
        List<Hash32> variants =
        [
            AccessDigest.Compute(Other, Chain, 7, chunk),
            AccessDigest.Compute(Entropy, Other, 7, chunk),
            AccessDigest.Compute(Entropy, Chain, 8, chunk),
            AccessDigest.Compute(Entropy, Chain, 7UL << 56, chunk),

            // Swapping entropy and chain id is a different input.
            AccessDigest.Compute(Chain, Entropy, 7, chunk),

            // Neither the leaf hash nor the plain hash of the chunk.
            TaggedHash.Compute(DomainTags.Leaf, chunk),
            Sha256.Hash(chunk),
        ];
        foreach (int position in new[] { 0, 1, 2047, 4094, 4095 })
        {
            byte[] flipped = (byte[])chunk.Clone();
            flipped[position] ^= 0x01;
            variants.Add(AccessDigest.Compute(Entropy, Chain, 7, flipped));
        }

        Assert.All(variants, v => Assert.NotEqual(honest, v));
        Assert.Equal(variants.Count, variants.Distinct().Count());
        Assert.Equal(honest, AccessDigest.Compute(Entropy, Chain, 7, (byte[])chunk.Clone()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(4095)]
    [InlineData(4097)]
    [InlineData(8192)]
    public void WrongChunkLength_ThrowsNamingStoredChunk(int length)
    {
        ArgumentException error = Assert.Throws<ArgumentException>("storedChunk", () => AccessDigest.Compute(Entropy, Chain, 0, new byte[length]));
        Assert.Contains("4096", error.Message, StringComparison.Ordinal);
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_HashesTheChunkInPlace_AllocatingNothing()
    {
        byte[] chunk = Chunk(3);
        Hash32 sink = AccessDigest.Compute(Entropy, Chain, 0, chunk);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            sink = AccessDigest.Compute(sink, Chain, (ulong)i, chunk);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.False(sink.IsZero);
    }
}
