// SPDX-License-Identifier: MIT

using CsCheck;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Tests.Merkle;

/// <summary>Verifies the Merkle rules: odd-node promotion, exact paths for every leaf, and rejection of any flipped bit.</summary>
public sealed class MerkleTreeTests
{
    private static Hash32[] Leaves(int count) =>
        Enumerable.Range(0, count).Select(i => Sha256.Hash(BitConverter.GetBytes(i))).ToArray();

    [Fact]
    public void SingleLeaf_RootIsTheLeaf()
    {
        Hash32[] leaves = Leaves(1);
        Assert.Equal(leaves[0], MerkleTree.ComputeRoot(leaves));
        Assert.Empty(MerkleTree.BuildPath(leaves, 0));
        Assert.True(MerkleTree.VerifyPath(leaves[0], 0, 1, [], leaves[0]));
    }

    [Fact]
    public void ThreeLeaves_PromotesTheOddLeafUnchanged()
    {
        Hash32[] l = Leaves(3);
        Hash32 expected = MerkleTree.HashNode(MerkleTree.HashNode(l[0], l[1]), l[2]);
        Assert.Equal(expected, MerkleTree.ComputeRoot(l));
        Assert.Single(MerkleTree.BuildPath(l, 2));
    }

    [Fact]
    public void DuplicatingTheLastLeaf_ChangesTheRoot()
    {
        // The duplication rule would give [a,b,c] and [a,b,c,c] the same root; promotion does not.
        Hash32[] three = Leaves(3);
        Hash32[] four = [.. three, three[2]];
        Assert.NotEqual(MerkleTree.ComputeRoot(three), MerkleTree.ComputeRoot(four));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(100)]
    public void EveryLeafPath_Verifies_AndWrongIndexFails(int count)
    {
        Hash32[] leaves = Leaves(count);
        Hash32 root = MerkleTree.ComputeRoot(leaves);
        for (int i = 0; i < count; i++)
        {
            Hash32[] path = MerkleTree.BuildPath(leaves, i);
            Assert.Equal(MerkleTree.PathLength(i, count), path.Length);
            Assert.True(MerkleTree.VerifyPath(leaves[i], i, count, path, root), $"leaf {i} of {count}");
            if (count > 1)
            {
                Assert.False(MerkleTree.VerifyPath(leaves[i], (i + 1) % count, count, path, root), $"leaf {i} at the wrong index");
            }
        }
    }

    [Fact]
    public void AnyFlippedBitInPathOrLeaf_FailsVerification()
    {
        Gen.Select(Gen.Int[2, 64], Gen.Int[0, 1000], Gen.Int[0, 255]).Sample((count, pick, bit) =>
        {
            Hash32[] leaves = Leaves(count);
            int index = pick % count;
            Hash32 root = MerkleTree.ComputeRoot(leaves);
            Hash32[] path = MerkleTree.BuildPath(leaves, index);

            byte[] leafBytes = leaves[index].ToArray();
            leafBytes[bit / 8] ^= (byte)(1 << (bit % 8));
            bool leafRejected = !MerkleTree.VerifyPath(new Hash32(leafBytes), index, count, path, root);

            int element = pick % path.Length;
            byte[] sibling = path[element].ToArray();
            sibling[bit / 8] ^= (byte)(1 << (bit % 8));
            Hash32[] tampered = (Hash32[])path.Clone();
            tampered[element] = new Hash32(sibling);
            bool pathRejected = !MerkleTree.VerifyPath(leaves[index], index, count, tampered, root);

            return leafRejected && pathRejected;
        });
    }

    [Fact]
    public void WrongPathLength_IsRejected()
    {
        Hash32[] leaves = Leaves(10);
        Hash32 root = MerkleTree.ComputeRoot(leaves);
        Hash32[] path = MerkleTree.BuildPath(leaves, 3);
        Assert.False(MerkleTree.VerifyPath(leaves[3], 3, 10, path[..^1], root));
        Assert.False(MerkleTree.VerifyPath(leaves[3], 3, 10, [.. path, root], root));
        // The root does not commit to the leaf count (leaf 3 proves the same way in 10 or 11 leaves);
        // the chunk count is bound by the anchored commitment instead, and checked there.
        Assert.True(MerkleTree.VerifyPath(leaves[3], 3, 11, path, root));
        Assert.False(MerkleTree.VerifyPath(leaves[3], 3, 3, path, root));
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        Assert.Throws<ArgumentException>("leaves", () => MerkleTree.ComputeRoot([]));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => MerkleTree.BuildPath(Leaves(4), 4));
        Assert.Throws<ArgumentOutOfRangeException>("leafCount", () => MerkleTree.PathLength(0, 0));
    }
}
