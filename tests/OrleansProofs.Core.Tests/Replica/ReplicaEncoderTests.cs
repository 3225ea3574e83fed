// SPDX-License-Identifier: MIT

using CsCheck;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;
using OrleansProofs.Core.Tests.Storage;

namespace OrleansProofs.Core.Tests.Replica;

/// <summary>
/// Verifies whole-file encoding and decoding: byte-exact round trips across chunk boundaries, the
/// documented vectors, agreement with the independent reference, that nothing is left behind on
/// failure, and that one prover's chunks do not prove another prover's replica.
/// </summary>
public sealed class ReplicaEncoderTests
{
    private static readonly ProverPublicKey VectorKey = new(StorageVectors.PublicKey());

    private static ProverPublicKey Prover(byte seed) => new(Enumerable.Repeat(seed, 32).ToArray());

    private static byte[] RandomBytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(3 * 4096 + 1)]
    [InlineData(64 * 4096)]
    [InlineData(64 * 4096 + 1)]
    [InlineData(130 * 4096 + 77)]
    public void RoundTrip_RestoresTheOriginalBitForBit_AndMatchesTheReference(int length)
    {
        using TempDirectory dir = new();
        byte[] data = RandomBytes(length, length);
        string input = dir.Write("in.bin", data);
        string replica = dir.File("in.replica");
        ReplicaInfo info = ReplicaEncoder.EncodeFile(input, replica, VectorKey, workFactor: 4);

        (byte[] expectedReplica, Hash32[] leaves, Hash32 root) = ReplicaReference.Encode(data, VectorKey.Bytes.ToArray(), 4);
        Assert.Equal(expectedReplica, File.ReadAllBytes(replica));
        Assert.Equal(root, info.ReplicaRoot);
        Assert.Equal(new Hash32(ReplicaReference.DataHash(data)), info.DataHash);
        Assert.Equal(leaves.Length, info.TotalChunks);
        Assert.Equal(length, info.FileLength);
        Assert.Equal(ReplicaCodec.EncodingVersion, info.EncodingVersion);
        Assert.Equal(4u, info.WorkFactor);

        string output = dir.File("out.bin");
        ReplicaDecoder.DecodeFile(replica, output, VectorKey, info);
        Assert.Equal(data, File.ReadAllBytes(output));
    }

    [Fact]
    public void RoundTrip_ForRandomSizes()
    {
        Gen.Int[1, 40_000].Sample(length =>
        {
            using TempDirectory dir = new();
            byte[] data = RandomBytes(length, length * 31);
            ReplicaInfo info = ReplicaEncoder.EncodeFile(dir.Write("in.bin", data), dir.File("r"), Prover(3), workFactor: 0);
            ReplicaDecoder.DecodeFile(dir.File("r"), dir.File("out.bin"), Prover(3), info);
            Assert.Equal(data, File.ReadAllBytes(dir.File("out.bin")));
        }, iter: 25, threads: 1);
    }

    [Fact]
    public async Task Pattern5000_MatchesTheDocumentedVectors_SyncAndAsync()
    {
        using TempDirectory dir = new();
        string input = dir.Write("pattern.bin", DataHashTests.Pattern5000());

        ReplicaInfo w16 = ReplicaEncoder.EncodeFile(input, dir.File("w16"), VectorKey, workFactor: 16);
        Assert.Equal(StorageVectors.DataHash, w16.DataHash.ToString());
        Assert.Equal(StorageVectors.RootW16, w16.ReplicaRoot.ToString());
        Assert.Equal(2, w16.TotalChunks);
        byte[] stored = File.ReadAllBytes(dir.File("w16"));
        Assert.Equal(StorageVectors.Leaf0W16, ReplicaCodec.LeafHash(stored.AsSpan(0, 4096)).ToString());
        Assert.Equal(StorageVectors.Leaf1W16, ReplicaCodec.LeafHash(stored.AsSpan(4096, 4096)).ToString());
        Assert.Equal(StorageVectors.Stored0PrefixW16, Convert.ToHexStringLower(stored.AsSpan(0, 32)));
        Assert.Equal(StorageVectors.RootW16, ReplicaReference.Encode(DataHashTests.Pattern5000(), StorageVectors.PublicKey(), 16).Root.ToString());

        ReplicaInfo w1024 = await ReplicaEncoder.EncodeFileAsync(input, dir.File("w1024"), VectorKey, workFactor: 1024);
        Assert.Equal(StorageVectors.RootW1024, w1024.ReplicaRoot.ToString());
        Assert.Equal(StorageVectors.Leaf0W1024, ReplicaCodec.LeafHash(File.ReadAllBytes(dir.File("w1024")).AsSpan(0, 4096)).ToString());
    }

    [Fact]
    public void SidecarIsWritten_AndGivesTheSameRootAndPaths()
    {
        using TempDirectory dir = new();
        string replica = dir.File("r");
        ReplicaInfo info = ReplicaEncoder.EncodeFile(dir.Write("in", RandomBytes(5 * 4096 + 3, 5)), replica, Prover(1), workFactor: 2);
        Assert.Equal(ReplicaLeafFile.PathFor(replica), replica + ".leaves");
        using ReplicaLeafFile leaves = ReplicaLeafFile.Open(ReplicaLeafFile.PathFor(replica), info.TotalChunks, info.ReplicaRoot);
        Assert.Equal(info.ReplicaRoot, leaves.Root);
        Assert.Equal(64 + (32 * info.TotalChunks) + 32, new FileInfo(replica + ".leaves").Length);
        using ChunkStore store = ChunkStore.Open(replica, info.TotalChunks);
        byte[] chunk = new byte[4096];
        for (long i = 0; i < info.TotalChunks; i++)
        {
            store.ReadChunk(i, chunk);
            Hash32 leaf = ReplicaCodec.LeafHash(chunk);
            Assert.Equal(leaf, leaves.ReadLeaf(i));
            Assert.True(MerkleTree.VerifyPath(leaf, i, info.TotalChunks, leaves.BuildPath(i), info.ReplicaRoot));
        }
    }

    [Fact]
    public void AnotherProversChunk_FailsAgainstThisProversRoot()
    {
        using TempDirectory dir = new();
        string input = dir.Write("shared.bin", RandomBytes(9 * 4096 + 100, 77));
        ProverPublicKey alice = Prover(0xA1);
        ProverPublicKey bob = Prover(0xB0);
        ReplicaInfo aliceInfo = ReplicaEncoder.EncodeFile(input, dir.File("alice"), alice, workFactor: 8);
        ReplicaInfo bobInfo = ReplicaEncoder.EncodeFile(input, dir.File("bob"), bob, workFactor: 8);
        Assert.Equal(aliceInfo.DataHash, bobInfo.DataHash);
        Assert.NotEqual(aliceInfo.ReplicaRoot, bobInfo.ReplicaRoot);

        using ChunkStore aliceStore = ChunkStore.Open(dir.File("alice"));
        using ChunkStore bobStore = ChunkStore.Open(dir.File("bob"));
        using ReplicaLeafFile aliceLeaves = ReplicaLeafFile.Open(ReplicaLeafFile.PathFor(dir.File("alice")));
        using ReplicaLeafFile bobLeaves = ReplicaLeafFile.Open(ReplicaLeafFile.PathFor(dir.File("bob")));
        byte[] aliceChunk = new byte[4096];
        byte[] bobChunk = new byte[4096];
        for (long i = 0; i < aliceInfo.TotalChunks; i++)
        {
            aliceStore.ReadChunk(i, aliceChunk);
            bobStore.ReadChunk(i, bobChunk);
            Hash32[] alicePath = aliceLeaves.BuildPath(i);

            // Control: Alice's own chunk proves her root.
            Assert.True(MerkleTree.VerifyPath(ReplicaCodec.LeafHash(aliceChunk), i, aliceInfo.TotalChunks, alicePath, aliceInfo.ReplicaRoot));

            // Attack: Alice answers with Bob's stored chunk (same data), with her path or with his.
            Hash32 bobLeaf = ReplicaCodec.LeafHash(bobChunk);
            Assert.False(MerkleTree.VerifyPath(bobLeaf, i, aliceInfo.TotalChunks, alicePath, aliceInfo.ReplicaRoot), $"chunk {i} with Alice's path");
            Assert.False(MerkleTree.VerifyPath(bobLeaf, i, aliceInfo.TotalChunks, bobLeaves.BuildPath(i), aliceInfo.ReplicaRoot), $"chunk {i} with Bob's path");

            // Attack: the plain data chunk itself (a deduplicating prover's only copy) fails too.
            byte[] plain = new byte[4096];
            ReplicaDecoder.ReadPlainChunk(aliceStore, new ReplicaCodec(alice, aliceInfo.DataHash, 8), i, plain);
            Assert.False(MerkleTree.VerifyPath(ReplicaCodec.LeafHash(plain), i, aliceInfo.TotalChunks, alicePath, aliceInfo.ReplicaRoot));
        }
    }

    [Fact]
    public void RandomAccessDecode_NeedsOnlyThePreviousStoredChunk()
    {
        using TempDirectory dir = new();
        byte[] data = RandomBytes(7 * 4096 + 5, 8);
        ProverPublicKey prover = Prover(8);
        ReplicaInfo info = ReplicaEncoder.EncodeFile(dir.Write("in", data), dir.File("r"), prover, workFactor: 16);
        ReplicaCodec codec = new(prover, info.DataHash, info.WorkFactor);
        using ChunkStore store = ChunkStore.Open(dir.File("r"));
        byte[] plain = new byte[4096];
        foreach (long i in new long[] { 6, 0, 3, 7 })
        {
            ReplicaDecoder.ReadPlainChunk(store, codec, i, plain);
            int length = (int)Math.Min(4096, data.Length - (i * 4096));
            Assert.Equal(data.AsSpan((int)i * 4096, length).ToArray(), plain.AsSpan(0, length).ToArray());
            Assert.All(plain.AsSpan(length).ToArray(), b => Assert.Equal(0, b));
        }
    }

    [Fact]
    public void ReEncodingFromPlainData_NeedsThePreviousStoredChunk()
    {
        // A cheater with the plain chunk and the right previous stored chunk reproduces the stored
        // chunk (that is the W-step cost it must pay); with the previous *plain* chunk it does not.
        using TempDirectory dir = new();
        byte[] data = RandomBytes(3 * 4096, 9);
        ProverPublicKey prover = Prover(9);
        ReplicaInfo info = ReplicaEncoder.EncodeFile(dir.Write("in", data), dir.File("r"), prover, workFactor: 32);
        byte[] replica = File.ReadAllBytes(dir.File("r"));
        ReplicaCodec codec = new(prover, info.DataHash, 32);
        byte[] stored = new byte[4096];
        codec.EncodeChunk(2, replica.AsSpan(4096, 4096), data.AsSpan(8192, 4096), stored);
        Assert.Equal(replica.AsSpan(8192, 4096).ToArray(), stored);
        codec.EncodeChunk(2, data.AsSpan(4096, 4096), data.AsSpan(8192, 4096), stored);
        Assert.NotEqual(replica.AsSpan(8192, 4096).ToArray(), stored);
    }

    [Fact]
    public void BadInputs_AreRejected_AndLeaveNothingBehind()
    {
        using TempDirectory dir = new();
        string empty = dir.Write("empty", []);
        Assert.Throws<ArgumentOutOfRangeException>("fileLength", () => ReplicaEncoder.EncodeFile(empty, dir.File("r1"), Prover(1), 0));
        string small = dir.Write("small", new byte[100]);
        Assert.Throws<ArgumentOutOfRangeException>("fileLength", () =>
            ReplicaEncoder.EncodeFile(small, dir.File("r2"), Prover(1), 0, new ReplicaEncodeOptions { MinimumFileLength = 65_536 }));
        Assert.Throws<ArgumentOutOfRangeException>("workFactor", () => ReplicaEncoder.EncodeFile(small, dir.File("r3"), Prover(1), ReplicaCodec.MaxWorkFactor + 1));

        // A wrong "known" data hash is caught during the pass; no replica or sidecar remains.
        Assert.Throws<InvalidDataException>(() =>
            ReplicaEncoder.EncodeFile(small, dir.File("r4"), Prover(1), 0, new ReplicaEncodeOptions { DataHash = Hash32.Zero }));

        // Existing outputs are never overwritten.
        ReplicaEncoder.EncodeFile(small, dir.File("r5"), Prover(1), 0);
        Assert.Throws<IOException>(() => ReplicaEncoder.EncodeFile(small, dir.File("r5"), Prover(1), 0));

        string[] remaining = [.. Directory.GetFiles(dir.Path).Select(f => Path.GetFileName(f)).Order()];
        Assert.Equal(["empty", "r5", "r5.leaves", "small"], remaining);
    }

    [Fact]
    public void DecodeWithTheWrongProverOrATamperedReplica_FailsAndLeavesNoOutput()
    {
        using TempDirectory dir = new();
        byte[] data = RandomBytes(3 * 4096 + 9, 10);
        ReplicaInfo info = ReplicaEncoder.EncodeFile(dir.Write("in", data), dir.File("r"), Prover(1), workFactor: 4);
        Assert.Throws<InvalidDataException>(() => ReplicaDecoder.DecodeFile(dir.File("r"), dir.File("o1"), Prover(2), info));
        Assert.False(File.Exists(dir.File("o1")));

        byte[] replica = File.ReadAllBytes(dir.File("r"));
        replica[4096 + 17] ^= 0x40;
        File.WriteAllBytes(dir.File("tampered"), replica);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => ReplicaDecoder.DecodeFile(dir.File("tampered"), dir.File("o2"), Prover(1), info));
        Assert.Contains("root", e.Message);
        Assert.False(File.Exists(dir.File("o2")));
        Assert.False(File.Exists(dir.File("o2.partial")));
    }

    [Fact]
    public async Task EncodeStream_OfTheFirstBytes_EqualsEncodingThoseBytesAsAFile_AndLeavesTheRestUnread()
    {
        using TempDirectory dir = new();
        byte[] data = RandomBytes(6 * 4096 + 123, 11);
        byte[] longer = [.. data, .. new byte[4096 - 123], 0xEE];
        ReplicaInfo fromFile = ReplicaEncoder.EncodeFile(dir.Write("in", data), dir.File("file"), Prover(4), workFactor: 4);

        using MemoryStream sync = new(longer);
        ReplicaInfo fromStream = ReplicaEncoder.EncodeStream(sync, data.Length, fromFile.DataHash, dir.File("sync"), Prover(4), workFactor: 4);
        Assert.Equal(data.Length, sync.Position);

        using MemoryStream async = new(longer);
        ReplicaInfo fromAsync = await ReplicaEncoder.EncodeStreamAsync(async, data.Length, fromFile.DataHash, dir.File("async"), Prover(4), workFactor: 4);

        Assert.Equal(fromFile, fromStream);
        Assert.Equal(fromFile, fromAsync);
        Assert.Equal(File.ReadAllBytes(dir.File("file")), File.ReadAllBytes(dir.File("sync")));
        Assert.Equal(File.ReadAllBytes(dir.File("file")), File.ReadAllBytes(dir.File("async")));
        Assert.Equal(File.ReadAllBytes(dir.File("file.leaves")), File.ReadAllBytes(dir.File("sync.leaves")));
    }

    [Fact]
    public async Task EncodeStream_WrongHashShortStreamOrConflictingOption_IsRejected_AndLeavesNothingBehind()
    {
        using TempDirectory dir = new();
        byte[] data = RandomBytes(3 * 4096 + 5, 12);
        Hash32 dataHash = DataHash.Compute(data);
        Hash32 other = DataHash.Compute(data.AsSpan(1));

        Assert.Throws<InvalidDataException>(() => ReplicaEncoder.EncodeStream(new MemoryStream(data), data.Length, other, dir.File("r1"), Prover(5), 2));
        await Assert.ThrowsAsync<InvalidDataException>(() => ReplicaEncoder.EncodeStreamAsync(new MemoryStream(data), data.Length, other, dir.File("r2"), Prover(5), 2));
        Assert.Throws<EndOfStreamException>(() => ReplicaEncoder.EncodeStream(new MemoryStream(data), data.Length + 1, dataHash, dir.File("r3"), Prover(5), 2));
        Assert.Throws<ArgumentException>("options", () =>
            ReplicaEncoder.EncodeStream(new MemoryStream(data), data.Length, dataHash, dir.File("r4"), Prover(5), 2, new ReplicaEncodeOptions { DataHash = other }));
        Assert.Throws<ArgumentOutOfRangeException>("fileLength", () => ReplicaEncoder.EncodeStream(new MemoryStream(data), 0, dataHash, dir.File("r5"), Prover(5), 2));

        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
