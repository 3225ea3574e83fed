// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Tests.Storage;

namespace OrleansProofs.Core.Tests.Replica;

/// <summary>
/// Verifies the leaf sidecar: its layout, that paths read from it equal <see cref="MerkleTree.BuildPath"/>
/// and verify for every leaf (the last included, across 1,024-leaf block boundaries), and that
/// corruption of any section is detected rather than producing a bad path.
/// </summary>
public sealed class ReplicaLeafFileTests
{
    private static Hash32[] Leaves(int count) =>
        Enumerable.Range(0, count).Select(i => Sha256.Hash(BitConverter.GetBytes(i ^ 0x5a5a))).ToArray();

    private static string WriteSidecar(TempDirectory dir, Hash32[] leaves, out Hash32 root)
    {
        string path = dir.File($"{leaves.Length}.leaves");
        using ReplicaLeafWriter writer = ReplicaLeafWriter.Create(path, leaves.Length);
        foreach (Hash32 leaf in leaves)
        {
            writer.Append(leaf);
        }

        root = writer.Complete();
        return path;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    public void EveryPath_EqualsMerkleTree_AndVerifies(int count)
    {
        using TempDirectory dir = new();
        Hash32[] leaves = Leaves(count);
        string path = WriteSidecar(dir, leaves, out Hash32 root);
        Assert.Equal(MerkleTree.ComputeRoot(leaves), root);
        using ReplicaLeafFile file = ReplicaLeafFile.Open(path, count, root);
        for (int i = 0; i < count; i++)
        {
            Hash32[] built = file.BuildPath(i, out Hash32 leaf);
            Assert.Equal(leaves[i], leaf);
            Assert.Equal(MerkleTree.BuildPath(leaves, i), built);
            Assert.True(MerkleTree.VerifyPath(leaf, i, count, built, root), $"leaf {i} of {count}");
        }
    }

    [Fact]
    public void Paths_For4097Leaves_EqualMerkleTree_AndEveryLeafVerifies()
    {
        using TempDirectory dir = new();
        Hash32[] leaves = Leaves(4097);
        string path = WriteSidecar(dir, leaves, out Hash32 root);
        using ReplicaLeafFile file = ReplicaLeafFile.Open(path, 4097, root);

        // Equality with the in-memory tree at block boundaries, the last leaf and a spread between.
        foreach (int i in new[] { 0, 1, 1022, 1023, 1024, 1025, 2047, 2048, 3071, 3072, 4094, 4095, 4096 }.Concat(Enumerable.Range(0, 25).Select(k => (k * 163) + 7)))
        {
            Assert.Equal(MerkleTree.BuildPath(leaves, i), file.BuildPath(i));
        }

        for (int i = 0; i < leaves.Length; i++)
        {
            Assert.True(MerkleTree.VerifyPath(leaves[i], i, leaves.Length, file.BuildPath(i), root), $"leaf {i}");
        }
    }

    [Fact]
    public void Layout_IsHeaderLeavesThenBlockRoots()
    {
        using TempDirectory dir = new();
        Hash32[] leaves = Leaves(1500);
        string path = WriteSidecar(dir, leaves, out Hash32 root);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(64 + (32 * 1500) + (32 * 2), bytes.Length);
        Assert.Equal("POSCLEAF"u8.ToArray(), bytes[..8]);
        Assert.Equal(1, bytes[8]);
        Assert.Equal(10, bytes[9]);
        Assert.Equal(1500UL, BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(16)));
        Assert.Equal(root, new Hash32(bytes.AsSpan(24, 32)));
        Assert.Equal(leaves[1499], new Hash32(bytes.AsSpan(64 + (32 * 1499), 32)));
        Assert.Equal(MerkleTree.ComputeRoot(leaves.AsSpan(0, 1024)), new Hash32(bytes.AsSpan(64 + (32 * 1500), 32)));
        Assert.Equal(MerkleTree.ComputeRoot(leaves.AsSpan(1024)), new Hash32(bytes.AsSpan(64 + (32 * 1501), 32)));
    }

    [Fact]
    public void CorruptLeaf_IsDetectedWhenItsBlockIsRead()
    {
        using TempDirectory dir = new();
        Hash32[] leaves = Leaves(2000);
        string path = WriteSidecar(dir, leaves, out Hash32 root);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[64 + (32 * 1500) + 3] ^= 1;
        File.WriteAllBytes(path, bytes);
        using ReplicaLeafFile file = ReplicaLeafFile.Open(path, 2000, root);
        Assert.True(MerkleTree.VerifyPath(leaves[10], 10, 2000, file.BuildPath(10), root));
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => file.BuildPath(1999));
        Assert.Contains("block 1", e.Message);
    }

    [Theory]
    [InlineData(0, "magic")]
    [InlineData(8, "format version")]
    [InlineData(9, "block shift")]
    [InlineData(12, "reserved")]
    [InlineData(23, "length")]
    [InlineData(30, "replica root")]
    [InlineData(64 + (32 * 3000) + 5, "replica root")]
    public void CorruptHeaderOrBlockRoots_AreRejectedOnOpen_NamingTheField(int offset, string field)
    {
        using TempDirectory dir = new();
        string path = WriteSidecar(dir, Leaves(3000), out _);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 1;
        File.WriteAllBytes(path, bytes);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => ReplicaLeafFile.Open(path));
        Assert.Contains($"'{field}'", e.Message);
    }

    [Fact]
    public void OpenChecksTheCommittedCountAndRoot_AndRejectsTruncation()
    {
        using TempDirectory dir = new();
        string path = WriteSidecar(dir, Leaves(10), out Hash32 root);
        Assert.Throws<InvalidDataException>(() => ReplicaLeafFile.Open(path, expectedLeafCount: 11));
        Assert.Throws<InvalidDataException>(() => ReplicaLeafFile.Open(path, expectedRoot: Hash32.Zero));
        using (ReplicaLeafFile ok = ReplicaLeafFile.Open(path, 10, root))
        {
            Assert.Throws<ArgumentOutOfRangeException>("index", () => ok.BuildPath(10));
            Assert.Throws<ArgumentOutOfRangeException>("index", () => ok.ReadLeaf(-1));
        }

        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^1]);
        Assert.Throws<InvalidDataException>(() => ReplicaLeafFile.Open(path));
    }

    [Fact]
    public void Writer_RejectsWrongLeafCounts_AndExistingFiles()
    {
        using TempDirectory dir = new();
        string path = dir.File("w.leaves");
        Assert.Throws<ArgumentOutOfRangeException>("leafCount", () => ReplicaLeafWriter.Create(path, 0));
        using (ReplicaLeafWriter writer = ReplicaLeafWriter.Create(path, 2))
        {
            writer.Append(Hash32.Zero);
            Assert.Throws<InvalidOperationException>(() => writer.Complete());
            writer.Append(Hash32.Zero);
            Assert.Throws<InvalidOperationException>(() => writer.Append(Hash32.Zero));
        }

        Assert.Throws<IOException>(() => ReplicaLeafWriter.Create(path, 2));
    }

    [Fact]
    public void AfterDispose_ReadsThrow_AndTheFileCanBeDeleted()
    {
        using TempDirectory dir = new();
        string path = WriteSidecar(dir, Leaves(3), out _);
        ReplicaLeafFile file = ReplicaLeafFile.Open(path);
        file.Dispose();
        Assert.Throws<ObjectDisposedException>(() => file.BuildPath(0));
        File.Delete(path);
        Assert.False(File.Exists(path));
    }
}
