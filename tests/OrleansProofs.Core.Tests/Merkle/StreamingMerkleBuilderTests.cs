// SPDX-License-Identifier: MIT

using CsCheck;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Tests.Merkle;

/// <summary>Verifies the streaming builder yields exactly <see cref="MerkleTree.ComputeRoot"/> for every leaf count tried.</summary>
public sealed class StreamingMerkleBuilderTests
{
    private static Hash32[] Leaves(int count, int salt = 0) =>
        Enumerable.Range(0, count).Select(i => Sha256.Hash(BitConverter.GetBytes(unchecked((i * 7919) + salt)))).ToArray();

    private static Hash32 Stream(ReadOnlySpan<Hash32> leaves)
    {
        StreamingMerkleBuilder builder = new();
        foreach (Hash32 leaf in leaves)
        {
            builder.Add(leaf);
        }

        Assert.Equal(leaves.Length, builder.Count);
        return builder.ComputeRoot();
    }

    public static TheoryData<int> Counts()
    {
        TheoryData<int> data = [];
        HashSet<int> counts = [.. Enumerable.Range(1, 70)];
        for (int shift = 1; shift <= 12; shift++)
        {
            counts.Add((1 << shift) - 1);
            counts.Add(1 << shift);
            counts.Add((1 << shift) + 1);
        }

        foreach (int count in counts.Order())
        {
            data.Add(count);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void RootEqualsMerkleTree(int count)
    {
        Hash32[] leaves = Leaves(count);
        Assert.Equal(MerkleTree.ComputeRoot(leaves), Stream(leaves));
    }

    [Fact]
    public void RootEqualsMerkleTree_ForRandomCountsAndLeaves()
    {
        Gen.Select(Gen.Int[1, 3000], Gen.Int).Sample((count, salt) =>
        {
            Hash32[] leaves = Leaves(count, salt);
            Assert.Equal(MerkleTree.ComputeRoot(leaves), Stream(leaves));
        }, iter: 40);
    }

    [Fact]
    public void IntermediateRoots_MatchEveryPrefix_AndResetStartsOver()
    {
        Hash32[] leaves = Leaves(40);
        StreamingMerkleBuilder builder = new();
        for (int i = 0; i < leaves.Length; i++)
        {
            builder.Add(leaves[i]);
            Assert.Equal(MerkleTree.ComputeRoot(leaves.AsSpan(0, i + 1)), builder.ComputeRoot());
        }

        builder.Reset();
        Assert.Equal(0, builder.Count);
        builder.Add(leaves[5]);
        Assert.Equal(leaves[5], builder.ComputeRoot());
    }

    [Fact]
    public void EmptyBuilder_HasNoRoot()
    {
        Assert.Throws<InvalidOperationException>(() => new StreamingMerkleBuilder().ComputeRoot());
    }
}
