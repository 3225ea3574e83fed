// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Tests.Legacy;

/// <summary>Verifies the v1 commitment layouts and the v1 (rs_merkle) Merkle root against independent BCL recomputation.</summary>
public sealed class LegacyCommitmentsTests
{
    private static readonly Hash32 A = LegacyFixtures.BlockHash(1);
    private static readonly Hash32 B = LegacyFixtures.BlockHash(2);
    private static readonly Hash32 C = LegacyFixtures.BlockHash(3);

    private static Hash32 Bcl(params byte[][] parts) => new(SHA256.HashData(parts.SelectMany(p => p).ToArray()));

    private static byte[] Be64(ulong value)
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Be32(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    [Fact]
    public void Ownership_IsSha256OfDataHashThenKey()
    {
        Assert.Equal(Bcl(A.ToArray(), B.ToArray()), LegacyCommitments.Ownership(A, B));
        Assert.NotEqual(LegacyCommitments.Ownership(A, B), LegacyCommitments.Ownership(B, A));
    }

    [Fact]
    public void Anchored_IsSha256OfOwnershipBlockHashAndBe64Height()
    {
        Hash32 ownership = LegacyCommitments.Ownership(A, B);
        Assert.Equal(Bcl(ownership.ToArray(), C.ToArray(), Be64(12345)), LegacyCommitments.Anchored(ownership, C, 12345));
        Assert.Equal(LegacyCommitments.Anchored(ownership, C, 12345), LegacyCommitments.Anchored(A, B, C, 12345));
    }

    [Fact]
    public void Anchored_NextHeight_FlipsBetween50And200Bits()
    {
        // Historical v1 avalanche test: 50 < differing bits < 200.
        for (ulong height = 0; height < 64; height++)
        {
            Hash32 x = LegacyCommitments.Anchored(A, B, C, height);
            Hash32 y = LegacyCommitments.Anchored(A, B, C, height + 1);
            int bits = 0;
            for (int i = 0; i < 32; i++)
            {
                bits += BitOperations.PopCount((uint)(x.Bytes[i] ^ y.Bytes[i]));
            }

            Assert.InRange(bits, 51, 199);
        }
    }

    [Fact]
    public void PhysicalAccess_IsSha256OfPrevBlockIndicesHashes_WithNoHeightOrCounts()
    {
        uint[] indices = [7, 0, 3, 9];
        Hash32[] hashes = [A, B, C, A];
        Hash32 expected = Bcl(
            C.ToArray(),
            B.ToArray(),
            Be32(7), Be32(0), Be32(3), Be32(9),
            A.ToArray(), B.ToArray(), C.ToArray(), A.ToArray());
        Assert.Equal(expected, LegacyCommitments.PhysicalAccess(C, B, indices, hashes));
    }

    [Fact]
    public void MerkleRoot_ZeroAndOneLeaf()
    {
        Assert.Equal(Hash32.Zero, LegacyMerkle.ComputeRoot([]));
        Assert.Equal(A, LegacyMerkle.ComputeRoot([A]));
    }

    [Fact]
    public void MerkleRoot_OddLevels_PromoteTheLastNodeUnchanged()
    {
        Hash32 d = LegacyFixtures.BlockHash(4);
        Hash32 e = LegacyFixtures.BlockHash(5);
        Hash32 ab = Bcl(A.ToArray(), B.ToArray());
        Hash32 cd = Bcl(C.ToArray(), d.ToArray());
        Assert.Equal(Bcl(ab.ToArray(), C.ToArray()), LegacyMerkle.ComputeRoot([A, B, C]));

        // Five leaves: e is promoted twice, then joins at the root.
        Hash32 abcd = Bcl(ab.ToArray(), cd.ToArray());
        Assert.Equal(Bcl(abcd.ToArray(), e.ToArray()), LegacyMerkle.ComputeRoot([A, B, C, d, e]));

        // Not the duplicate-last rule, and not the protocol's tagged tree.
        Assert.NotEqual(LegacyMerkle.ComputeRoot([A, B, C]), LegacyMerkle.ComputeRoot([A, B, C, C]));
        Assert.NotEqual(MerkleTree.ComputeRoot([A, B, C]), LegacyMerkle.ComputeRoot([A, B, C]));
    }
}
