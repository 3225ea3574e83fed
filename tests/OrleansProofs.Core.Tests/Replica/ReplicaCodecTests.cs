// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Tests.Storage;

namespace OrleansProofs.Core.Tests.Replica;

/// <summary>
/// Verifies the per-chunk encoding: the key and pad follow the documented layout (checked against
/// an independent reference), decoding inverts encoding, and the pad really depends on the prover,
/// the data, the work factor, the chunk index and the whole previous stored chunk.
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
    [InlineData(16u, 3L)]
    [InlineData(300u, 9L)]
    public void Pad_MatchesTheReference(uint workFactor, long index)
    {
        Hash32 dataHash = Sha256.Hash([1, 2, 3]);
        ReplicaCodec codec = new(VectorKey, dataHash, workFactor);
        byte[] previous = index == 0 ? [] : RandomChunk((int)index);
        byte[] pad = new byte[4096];
        codec.ComputePad(index, previous, pad);
        Assert.Equal(ReplicaReference.Pad(codec.Key.ToArray(), index, previous, workFactor), pad);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(16u)]
    [InlineData(64u)]
    public void Decode_InvertsEncode_AlsoInPlace(uint workFactor)
    {
        ReplicaCodec codec = new(VectorKey, Sha256.Hash([9]), workFactor);
        byte[] plain = RandomChunk(1);
        byte[] previous = RandomChunk(2);
        byte[] stored = new byte[4096];
        codec.EncodeChunk(7, previous, plain, stored);
        Assert.NotEqual(plain, stored);

        byte[] decoded = new byte[4096];
        codec.DecodeChunk(7, previous, stored, decoded);
        Assert.Equal(plain, decoded);

        byte[] inPlace = (byte[])stored.Clone();
        codec.DecodeChunk(7, previous, inPlace, inPlace);
        Assert.Equal(plain, inPlace);
    }

    [Fact]
    public void Pad_DependsOnProverDataWorkFactorIndexAndPreviousChunk()
    {
        Hash32 dataHash = Sha256.Hash([4]);
        byte[] previous = RandomChunk(3);
        byte[] Pad(ProverPublicKey prover, Hash32 data, uint w, long index, byte[] prev)
        {
            byte[] pad = new byte[4096];
            new ReplicaCodec(prover, data, w).ComputePad(index, prev, pad);
            return pad;
        }

        byte[] baseline = Pad(VectorKey, dataHash, 32, 5, previous);
        byte[] otherKeyBytes = StorageVectors.PublicKey();
        otherKeyBytes[31] ^= 1;
        Assert.NotEqual(baseline, Pad(new ProverPublicKey(otherKeyBytes), dataHash, 32, 5, previous));
        Assert.NotEqual(baseline, Pad(VectorKey, Sha256.Hash([5]), 32, 5, previous));
        Assert.NotEqual(baseline, Pad(VectorKey, dataHash, 33, 5, previous));
        Assert.NotEqual(baseline, Pad(VectorKey, dataHash, 32, 6, previous));

        // Any single flipped bit anywhere in the previous stored chunk changes the pad (through the
        // link, and through the words the chain reads).
        foreach (int bit in new[] { 0, 8 * 2048 + 3, 8 * 4095 + 7 })
        {
            byte[] changed = (byte[])previous.Clone();
            changed[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(baseline, Pad(VectorKey, dataHash, 32, 5, changed));
        }
    }

    [Fact]
    public void Chain_ReadsThePreviousChunkItself_NotOnlyItsDigest()
    {
        // Reference pads with the link held fixed but the words the chain reads replaced: if the
        // chain did not read the previous chunk, the pad would not change. This is what stops a
        // cheater from keeping a 32-byte digest per chunk in place of the chunk.
        ReplicaCodec codec = new(VectorKey, Sha256.Hash([6]), 64);
        byte[] previous = RandomChunk(4);
        byte[] link = ReplicaReference.Tagged("posc/v1/leaf", previous);
        byte[] s0 = ReplicaReference.Tagged("posc/v1/replica-pad", codec.Key.ToArray(), ReplicaReference.U64(3), link);
        byte[] withWords = s0;
        byte[] withZeros = s0;
        for (int j = 0; j < 64; j++)
        {
            withWords = System.Security.Cryptography.SHA256.HashData([.. withWords, .. previous.AsSpan(32 * (withWords[0] % 128), 32)]);
            withZeros = System.Security.Cryptography.SHA256.HashData([.. withZeros, .. new byte[32]]);
        }

        Assert.NotEqual(withWords, withZeros);
        byte[] pad = new byte[4096];
        codec.ComputePad(3, previous, pad);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([.. withWords, 0, 0, 0, 0]), pad.AsSpan(0, 32).ToArray());
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
        Assert.Throws<ArgumentException>("pad", () => codec.ComputePad(0, [], new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => codec.ComputePad(-1, chunk, chunk));
        Assert.Throws<ArgumentException>("storedChunk", () => ReplicaCodec.LeafHash(new byte[4095]));
    }
}
