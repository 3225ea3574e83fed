// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Tests.Storage;

namespace OrleansProofs.Core.Tests.Replica;

/// <summary>
/// Verifies the per-chunk encoding: the key and the word chains follow the documented layout
/// (checked against an independent reference), decoding inverts encoding, and a stored chunk
/// depends on the prover, the data, the work factor, the index and every word of the previous
/// stored chunk.
/// </summary>
public sealed class ReplicaCodecTests
{
    private static readonly ProverPublicKey VectorKey = new(StorageVectors.PublicKey());

    private static byte[] RandomChunk(int seed)
    {
        byte[] chunk = new byte[4096];
        new Random(seed).NextBytes(chunk);
        return chunk;
    }

    [Fact]
    public void Key_MatchesTheDocumentedVectors_AndTheReference()
    {
        Hash32 dataHash = Hash32.Parse(StorageVectors.DataHash);
        Assert.Equal(StorageVectors.KeyW16, ReplicaCodec.DeriveKey(VectorKey, dataHash, 16).ToString());
        Assert.Equal(StorageVectors.KeyW1024, new ReplicaCodec(VectorKey, dataHash, 1024).Key.ToString());
        Assert.Equal(
            StorageVectors.KeyW16,
            Convert.ToHexStringLower(ReplicaReference.Key(StorageVectors.PublicKey(), dataHash.ToArray(), 16)));
    }

    [Theory]
    [InlineData(0u, 0L)]
    [InlineData(0u, 5L)]
    [InlineData(1u, 1L)]
    [InlineData(16u, 0L)]
    [InlineData(127u, 3L)]
    [InlineData(128u, 3L)]
    [InlineData(300u, 9L)]
    public void EncodeChunk_MatchesTheReference(uint workFactor, long index)
    {
        ReplicaCodec codec = new(VectorKey, Sha256.Hash([1, 2, 3]), workFactor);
        byte[] previous = index == 0 ? [] : RandomChunk((int)index);
        byte[] plain = RandomChunk(100 + (int)index);
        byte[] stored = new byte[4096];
        codec.EncodeChunk(index, previous, plain, stored);
        Assert.Equal(ReplicaReference.EncodeChunk(codec.Key.ToArray(), index, previous, plain, workFactor), stored);
    }

    [Theory]
    [InlineData(0u, 0L)]
    [InlineData(16u, 7L)]
    [InlineData(200u, 7L)]
    public void Decode_InvertsEncode_AlsoInPlace(uint workFactor, long index)
    {
        ReplicaCodec codec = new(VectorKey, Sha256.Hash([9]), workFactor);
        byte[] plain = RandomChunk(1);
        byte[] previous = index == 0 ? [] : RandomChunk(2);
        byte[] stored = new byte[4096];
        codec.EncodeChunk(index, previous, plain, stored);
        Assert.NotEqual(plain, stored);

        byte[] decoded = new byte[4096];
        codec.DecodeChunk(index, previous, stored, decoded);
        Assert.Equal(plain, decoded);

        byte[] inPlace = (byte[])stored.Clone();
        codec.DecodeChunk(index, previous, inPlace, inPlace);
        Assert.Equal(plain, inPlace);

        byte[] encodedInPlace = (byte[])plain.Clone();
        codec.EncodeChunk(index, previous, encodedInPlace, encodedInPlace);
        Assert.Equal(stored, encodedInPlace);
    }

    [Fact]
    public void StoredChunk_DependsOnProverDataWorkFactorAndIndex()
    {
        Hash32 dataHash = Sha256.Hash([4]);
        byte[] previous = RandomChunk(3);
        byte[] plain = RandomChunk(30);
        byte[] Encode(ProverPublicKey prover, Hash32 data, uint w, long index)
        {
            byte[] stored = new byte[4096];
            new ReplicaCodec(prover, data, w).EncodeChunk(index, previous, plain, stored);
            return stored;
        }

        byte[] baseline = Encode(VectorKey, dataHash, 32, 5);
        byte[] otherKeyBytes = StorageVectors.PublicKey();
        otherKeyBytes[31] ^= 1;
        Assert.NotEqual(baseline, Encode(new ProverPublicKey(otherKeyBytes), dataHash, 32, 5));
        Assert.NotEqual(baseline, Encode(VectorKey, Sha256.Hash([5]), 32, 5));
        Assert.NotEqual(baseline, Encode(VectorKey, dataHash, 33, 5));
        Assert.NotEqual(baseline, Encode(VectorKey, dataHash, 32, 6));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(127)]
    public void EveryWordOfThePreviousChunk_FeedsTheSameWordAndAllLaterOnes(int word)
    {
        // Flipping one bit of word k of the stored chunk above changes word k of this chunk (its
        // "up" input) and, through the left chain, every word after it, but no word before it. So
        // rebuilding a stored chunk needs the whole previous stored chunk, not a digest of it.
        ReplicaCodec codec = new(VectorKey, Sha256.Hash([6]), 256);
        byte[] previous = RandomChunk(4);
        byte[] plain = RandomChunk(5);
        byte[] stored = new byte[4096];
        codec.EncodeChunk(3, previous, plain, stored);

        byte[] changed = (byte[])previous.Clone();
        changed[(word * 32) + 17] ^= 0x10;
        byte[] other = new byte[4096];
        codec.EncodeChunk(3, changed, plain, other);
        for (int k = 0; k < 128; k++)
        {
            bool same = stored.AsSpan(k * 32, 32).SequenceEqual(other.AsSpan(k * 32, 32));
            Assert.True(same == (k < word), $"word {k} after flipping word {word} above");
        }
    }

    [Fact]
    public void WorkFactor_IsSpreadOverTheWords_AndEachIterationChangesTheResult()
    {
        // W = 1 adds one iteration to word 0 only: word 0 differs from W = 0 and, through the chain,
        // so does every later word. W = 128 adds one iteration to every word.
        byte[] plain = RandomChunk(7);
        byte[] Encode(uint w)
        {
            byte[] stored = new byte[4096];
            new ReplicaCodec(VectorKey, Hash32.Zero, w).EncodeChunk(0, [], plain, stored);
            return stored;
        }

        Assert.Equal(ReplicaReference.EncodeChunk(ReplicaCodec.DeriveKey(VectorKey, Hash32.Zero, 1).ToArray(), 0, [], plain, 1), Encode(1));
        Assert.Equal(ReplicaReference.EncodeChunk(ReplicaCodec.DeriveKey(VectorKey, Hash32.Zero, 128).ToArray(), 0, [], plain, 128), Encode(128));
        Assert.NotEqual(Encode(0), Encode(1));
    }

    [Fact]
    public void BadArguments_AreRejected_WithTheirNames()
    {
        ReplicaCodec codec = new(VectorKey, Hash32.Zero, 0);
        byte[] chunk = new byte[4096];
        Assert.Throws<ArgumentOutOfRangeException>("workFactor", () => new ReplicaCodec(VectorKey, Hash32.Zero, ReplicaCodec.MaxWorkFactor + 1));
        Assert.Throws<ArgumentException>("previousStoredChunk", () => codec.EncodeChunk(0, chunk, chunk, chunk));
        Assert.Throws<ArgumentException>("previousStoredChunk", () => codec.EncodeChunk(1, [], chunk, chunk));
        Assert.Throws<ArgumentException>("previousStoredChunk", () => codec.DecodeChunk(1, new byte[4095], chunk, chunk));
        Assert.Throws<ArgumentException>("plainChunk", () => codec.EncodeChunk(0, [], new byte[4095], chunk));
        Assert.Throws<ArgumentException>("storedChunk", () => codec.EncodeChunk(0, [], chunk, new byte[10]));
        Assert.Throws<ArgumentException>("plainChunk", () => codec.DecodeChunk(0, [], chunk, new byte[4095]));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => codec.EncodeChunk(-1, chunk, chunk, chunk));
        Assert.Throws<ArgumentException>("storedChunk", () => ReplicaCodec.LeafHash(new byte[4095]));
    }
}
