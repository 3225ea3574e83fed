// SPDX-License-Identifier: MIT

using CsCheck;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Tests.Hierarchy;

/// <summary>
/// Verifies the chain leaf and the group, region and global roots: their byte layouts (rebuilt
/// here field by field), independence from input order, binding of every field, and rejection of
/// empty, duplicated and out-of-range inputs with the parameter named.
/// </summary>
public sealed class HierarchyRootsTests
{
    private static Hash32 Filled(byte value)
    {
        byte[] bytes = new byte[32];
        Array.Fill(bytes, value);
        return new Hash32(bytes);
    }

    private static GroupMember[] Members(int count, int salt = 0) =>
        Enumerable.Range(0, count)
            .Select(i => new GroupMember(Sha256.Hash(BitConverter.GetBytes(i + salt)), Sha256.Hash(BitConverter.GetBytes(~(i + salt)))))
            .ToArray();

    [Fact]
    public void ChainLeaf_Layout()
    {
        Hash32 chainId = Filled(0x01);
        Hash32 commitment = Filled(0xa1);
        Span<byte> body = stackalloc byte[72];
        chainId.CopyTo(body);
        body[32..40].Clear();
        body[39] = 100;
        commitment.CopyTo(body[40..]);
        Assert.Equal(TaggedHash.Compute(DomainTags.ChainLeaf, body), ChainLeaf.Compute(chainId, 100, commitment));
        Assert.Equal(ChainLeaf.InputSize, ProtocolWriter.TagSize(DomainTags.ChainLeaf) + 72);
    }

    [Fact]
    public void SeedLayouts_MatchTheirFieldOrder()
    {
        Hash32 m = Filled(0x4d);
        Hash32 block = Filled(0xbb);
        Hash32 previous = Filled(0x77);

        byte[] group = [0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 3, 0xe8, .. m.Bytes];
        Assert.Equal(TaggedHash.Compute(DomainTags.Group, group), GroupRoot.ComputeSeed(7, 9, 1000, m));
        Assert.Equal(GroupRoot.SeedInputSize, ProtocolWriter.TagSize(DomainTags.Group) + group.Length);

        byte[] region = [0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 10, .. m.Bytes];
        Assert.Equal(TaggedHash.Compute(DomainTags.Region, region), RegionRoot.ComputeSeed(2, 9, 10, m));
        Assert.Equal(RegionRoot.SeedInputSize, ProtocolWriter.TagSize(DomainTags.Region) + region.Length);

        byte[] global = [0, 0, 0, 0, 0, 0, 0, 9, .. block.Bytes, .. previous.Bytes, 0, 0, 0, 0, 0, 1, 0x86, 0xa0, 0, 0, 0, 10, .. m.Bytes];
        Assert.Equal(TaggedHash.Compute(DomainTags.Global, global), GlobalRoot.ComputeSeed(9, block, previous, 100_000, 10, m));
        Assert.Equal(GlobalRoot.SeedInputSize, ProtocolWriter.TagSize(DomainTags.Global) + global.Length);
    }

    [Fact]
    public void GroupRoot_IsTheIteratedSeedOverTheMerkleRootOfLeavesSortedByChainId()
    {
        GroupMember[] members = Members(5);
        GroupMember[] sorted = members.OrderBy(m => m.ChainId).ToArray();
        Hash32[] leaves = sorted.Select(m => ChainLeaf.Compute(m.ChainId, 42, m.Commitment)).ToArray();
        Hash32 seed = GroupRoot.ComputeSeed(3, 42, 5, MerkleTree.ComputeRoot(leaves));
        Assert.Equal(IteratedHash.Compute(seed, 17), GroupRoot.Compute(3, 42, members, 17));
        Assert.NotEqual(sorted.Select(m => m.ChainId), members.Select(m => m.ChainId));
    }

    [Fact]
    public void RegionAndGlobalRoots_OrderChildrenById()
    {
        LevelRoot[] groups = [new(12, Filled(3)), new(10, Filled(1)), new(11, Filled(2))];
        Hash32 groupsRoot = MerkleTree.ComputeRoot([Filled(1), Filled(2), Filled(3)]);
        Assert.Equal(IteratedHash.Compute(RegionRoot.ComputeSeed(1, 5, 3, groupsRoot), 4), RegionRoot.Compute(1, 5, groups, 4));

        LevelRoot[] regions = [new(4, Filled(9)), new(0, Filled(8))];
        Hash32 regionsRoot = MerkleTree.ComputeRoot([Filled(8), Filled(9)]);
        Hash32 seed = GlobalRoot.ComputeSeed(5, Filled(0xbb), Hash32.Zero, 2_000, 2, regionsRoot);
        Assert.Equal(IteratedHash.Compute(seed, 6), GlobalRoot.Compute(5, Filled(0xbb), Hash32.Zero, 2_000, regions, 6));
    }

    [Fact]
    public void Roots_DoNotDependOnInputOrder()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, int.MaxValue]).Sample((count, shuffleSeed) =>
        {
            GroupMember[] members = Members(count, shuffleSeed % 1000);
            GroupMember[] shuffled = members.ToArray();
            new Random(shuffleSeed).Shuffle(shuffled);
            Assert.Equal(GroupRoot.Compute(1, 2, members, 3), GroupRoot.Compute(1, 2, shuffled, 3));

            LevelRoot[] children = members.Select((m, i) => new LevelRoot((uint)(i * 7), m.Commitment)).ToArray();
            LevelRoot[] shuffledChildren = children.ToArray();
            new Random(shuffleSeed + 1).Shuffle(shuffledChildren);
            Assert.Equal(RegionRoot.Compute(1, 2, children, 3), RegionRoot.Compute(1, 2, shuffledChildren, 3));
            Assert.Equal(
                GlobalRoot.Compute(2, Filled(1), Filled(2), 1_000, children, 3),
                GlobalRoot.Compute(2, Filled(1), Filled(2), 1_000, shuffledChildren, 3));
        }, iter: 200);
    }

    [Fact]
    public void ChainIdOrder_IsHash32CompareTo_IncludingLongCommonPrefixes()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Int[0, 32], Gen.Byte).Sample((bytes, prefix, last) =>
        {
            byte[] other = bytes.ToArray();
            if (prefix < 32)
            {
                other[prefix] = last;
                new Random(prefix).NextBytes(other.AsSpan(prefix + 1));
            }

            Hash32 x = new(bytes);
            Hash32 y = new(other);
            Assert.Equal(Math.Sign(x.CompareTo(y)), Math.Sign(default(HierarchyOrdering.ChainIdOrder).Compare(x, y)));
            Assert.Equal(Math.Sign(y.CompareTo(x)), Math.Sign(default(HierarchyOrdering.ChainIdOrder).Compare(y, x)));
        }, iter: 2_000);
    }

    [Fact]
    public void EveryField_ChangesTheRoot()
    {
        GroupMember[] members = Members(4);
        Hash32 group = GroupRoot.Compute(1, 2, members, 3);
        GroupMember[] changed = members.ToArray();
        changed[2] = changed[2] with { Commitment = Filled(0) };
        Hash32[] variants =
        [
            GroupRoot.Compute(0, 2, members, 3),
            GroupRoot.Compute(1, 3, members, 3),
            GroupRoot.Compute(1, 2, members, 4),
            GroupRoot.Compute(1, 2, members[..3], 3),
            GroupRoot.Compute(1, 2, changed, 3),
        ];
        Assert.DoesNotContain(group, variants);

        LevelRoot[] regions = [new(0, Filled(1)), new(1, Filled(2))];
        Hash32 global = GlobalRoot.Compute(1, Filled(3), Filled(4), 10, regions, 2);
        Hash32[] globalVariants =
        [
            GlobalRoot.Compute(2, Filled(3), Filled(4), 10, regions, 2),
            GlobalRoot.Compute(1, Filled(5), Filled(4), 10, regions, 2),
            GlobalRoot.Compute(1, Filled(3), Hash32.Zero, 10, regions, 2),
            GlobalRoot.Compute(1, Filled(3), Filled(4), 11, regions, 2),
            GlobalRoot.Compute(1, Filled(3), Filled(4), 10, [new(0, Filled(2)), new(1, Filled(1))], 2),
            GlobalRoot.Compute(1, Filled(3), Filled(4), 10, [regions[1], new(0, Filled(9))], 2),
        ];
        Assert.DoesNotContain(global, globalVariants);
    }

    [Fact]
    public void BadInputs_AreRejected_NamingTheParameter()
    {
        GroupMember[] members = Members(3);
        GroupMember[] duplicate = [members[0], members[1], members[0] with { Commitment = Filled(7) }];
        Assert.Throws<ArgumentException>("members", () => GroupRoot.Compute(0, 1, [], 1));
        Assert.Throws<ArgumentException>("members", () => GroupRoot.Compute(0, 1, duplicate, 1));
        Assert.Throws<ArgumentOutOfRangeException>("iterations", () => GroupRoot.Compute(0, 1, members, -1));

        LevelRoot[] twice = [new(1, Filled(1)), new(2, Filled(2)), new(1, Filled(3))];
        Assert.Throws<ArgumentException>("groups", () => RegionRoot.Compute(0, 1, [], 1));
        Assert.Throws<ArgumentException>("groups", () => RegionRoot.Compute(0, 1, twice, 1));
        Assert.Throws<ArgumentOutOfRangeException>("iterations", () => RegionRoot.Compute(0, 1, [new(1, Filled(1))], -1));

        Assert.Throws<ArgumentException>("regions", () => GlobalRoot.Compute(1, Filled(1), Hash32.Zero, 1, [], 1));
        Assert.Throws<ArgumentException>("regions", () => GlobalRoot.Compute(1, Filled(1), Hash32.Zero, 10, twice, 1));
        Assert.Throws<ArgumentOutOfRangeException>("totalChains", () => GlobalRoot.Compute(1, Filled(1), Hash32.Zero, 1, [new(0, Filled(1)), new(1, Filled(2))], 1));
        Assert.Throws<ArgumentOutOfRangeException>("iterations", () => GlobalRoot.Compute(1, Filled(1), Hash32.Zero, 1, [new(0, Filled(1))], -1));
    }

    [Fact]
    public void Parameters_RejectOutOfRangeValues_NamingThem()
    {
        Assert.Throws<ArgumentOutOfRangeException>("chainsPerGroup", () => new HierarchyParameters(0, 10, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("groupsPerRegion", () => new HierarchyParameters(1, 0, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("groupIterations", () => new HierarchyParameters(1, 1, -1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("regionIterations", () => new HierarchyParameters(1, 1, 1, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("globalIterations", () => new HierarchyParameters(1, 1, 1, 1, -1));
        HierarchyParameters defaults = HierarchyParameters.Default;
        Assert.Equal((1_000, 10, 1_000, 5_000, 10_000), (defaults.ChainsPerGroup, defaults.GroupsPerRegion, defaults.GroupIterations, defaults.RegionIterations, defaults.GlobalIterations));
    }
}
