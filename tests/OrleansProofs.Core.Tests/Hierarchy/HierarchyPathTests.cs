// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Tests.Hierarchy;

/// <summary>
/// Verifies the hierarchy path: its encoding round-trips and is canonical; decoding rejects
/// truncated, oversized, trailing and malformed input with a FormatException naming the field;
/// the verifier reports each failed check precisely; and every single flipped bit of an encoded
/// path makes decoding or verification fail (exhaustively, for a small network).
/// </summary>
public sealed class HierarchyPathTests
{
    private static readonly HierarchyParameters SmallFast = new(2, 2, 3, 5, 7);

    private static HierarchyPath With(
        HierarchyPath p,
        ulong? totalChains = null,
        uint? memberCount = null,
        uint? groupId = null,
        uint? groupCount = null,
        uint? regionId = null,
        uint? regionCount = null) =>
        new(
            p.Height, p.BlockHash, p.PreviousGlobalRoot, totalChains ?? p.TotalChains,
            memberCount ?? p.MemberCount, p.LeafIndex, p.MemberPath,
            groupId ?? p.GroupId, groupCount ?? p.GroupCount, p.GroupIndex, p.GroupPath,
            regionId ?? p.RegionId, regionCount ?? p.RegionCount, p.RegionIndex, p.RegionPath);

    [Fact]
    public void Encoding_RoundTrips_AndHasTheDocumentedSize()
    {
        BlockHierarchy block = BlockHierarchy.Build(9, HierarchyNetworks.BlockHash, HierarchyNetworks.Filled(0x11),
            HierarchyNetworks.Sequential(2_500, 1_000), HierarchyNetworks.Fast);
        HierarchyPath path = block.GetPath(HierarchyNetworks.Sequential(2_500, 1_000)[1_234].ChainId);
        byte[] encoded = path.Encode();
        Assert.Equal(HierarchyPath.FixedEncodedSize + 32 * (10 + 2 + 0), encoded.Length);
        Assert.Equal(path.EncodedSize, encoded.Length);

        HierarchyPath decoded = HierarchyPath.Decode(encoded);
        Assert.Equal(encoded, decoded.Encode());
        Assert.Equal((path.Height, path.BlockHash, path.PreviousGlobalRoot, path.TotalChains), (decoded.Height, decoded.BlockHash, decoded.PreviousGlobalRoot, decoded.TotalChains));
        Assert.Equal((path.MemberCount, path.LeafIndex, path.GroupId, path.GroupCount, path.GroupIndex, path.RegionId, path.RegionCount, path.RegionIndex),
            (decoded.MemberCount, decoded.LeafIndex, decoded.GroupId, decoded.GroupCount, decoded.GroupIndex, decoded.RegionId, decoded.RegionCount, decoded.RegionIndex));
        Assert.Equal(path.MemberPath.ToArray(), decoded.MemberPath.ToArray());
        Assert.Equal(path.GroupPath.ToArray(), decoded.GroupPath.ToArray());
        Assert.Equal(path.RegionPath.ToArray(), decoded.RegionPath.ToArray());
        Assert.Equal(116, HierarchyPath.FixedEncodedSize);
        Assert.Equal(116 + 96 * 32, HierarchyPath.MaxEncodedSize);

        Assert.Throws<ArgumentException>("destination", () => path.Encode(new byte[encoded.Length - 1]));
        byte[] larger = new byte[encoded.Length + 5];
        Assert.Equal(encoded.Length, path.Encode(larger));
        Assert.Equal(encoded, larger[..encoded.Length]);
    }

    [Fact]
    public void Decode_RejectsEveryTruncation_NamingTheField()
    {
        byte[] encoded = HierarchyNetworks.VectorBlock().GetPath(HierarchyNetworks.Filled(0x05)).Encode();
        string[] fields = ["version", "height", "block_hash", "previous_global_root", "total_chains", "member_count", "leaf_index", "member_path",
            "group_id", "group_count", "group_index", "group_path", "region_id", "region_count", "region_index", "region_path"];
        for (int length = 0; length < encoded.Length; length++)
        {
            FormatException error = Assert.Throws<FormatException>(() => HierarchyPath.Decode(encoded.AsSpan(0, length)));
            Assert.Contains(fields, f => error.Message.Contains($"'{f}", StringComparison.Ordinal));
        }

        Assert.Contains("'height'", Assert.Throws<FormatException>(() => HierarchyPath.Decode(encoded.AsSpan(0, 5))).Message, StringComparison.Ordinal);
        Assert.Contains("'member_path'", Assert.Throws<FormatException>(() => HierarchyPath.Decode(encoded.AsSpan(0, 100))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RejectsTrailingAndOversizedInput()
    {
        byte[] encoded = HierarchyNetworks.VectorBlock().GetPath(HierarchyNetworks.Filled(0x05)).Encode();
        Assert.Contains("trailing", Assert.Throws<FormatException>(() => HierarchyPath.Decode([.. encoded, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("oversized", Assert.Throws<FormatException>(() => HierarchyPath.Decode(new byte[HierarchyPath.MaxEncodedSize + 1])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RejectsMalformedFields_NamingThem()
    {
        byte[] encoded = HierarchyNetworks.VectorBlock().GetPath(HierarchyNetworks.Filled(0x05)).Encode();

        void Expect(string field, Action<byte[]> corrupt)
        {
            byte[] copy = encoded.ToArray();
            corrupt(copy);
            FormatException error = Assert.Throws<FormatException>(() => HierarchyPath.Decode(copy));
            Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        }

        // Offsets: version 0, member_count 81, leaf_index 85, member_path_length 89, group level at 122, region level at 135.
        Expect("version", b => b[0] = 2);
        Expect("member_count", b => b.AsSpan(81, 4).Clear());
        Expect("leaf_index", b => b[88] = 2);
        Expect("member_path_length", b => b[89] = 2);
        Expect("group_count", b => b.AsSpan(126, 4).Clear());
        Expect("group_index", b => b[133] = 1);
        Expect("group_path_length", b => b[134] = 1);
        Expect("region_count", b => b.AsSpan(139, 4).Clear());
        Expect("region_index", b => b[146] = 7);
        Expect("region_path_length", b => b[147] = 0);
    }

    [Fact]
    public void Constructor_RejectsMalformedLevels_NamingTheParameter()
    {
        HierarchyPath p = HierarchyNetworks.VectorBlock().GetPath(HierarchyNetworks.Filled(0x05));
        Assert.Throws<ArgumentOutOfRangeException>("memberCount", () => With(p, memberCount: 0));
        Assert.Throws<ArgumentOutOfRangeException>("leafIndex", () => With(p, memberCount: 1));
        Assert.Throws<ArgumentException>("memberPath", () => With(p, memberCount: 3));
        Assert.Throws<ArgumentOutOfRangeException>("groupCount", () => With(p, groupCount: 0));
        Assert.Throws<ArgumentException>("groupPath", () => With(p, groupCount: 2));
        Assert.Throws<ArgumentOutOfRangeException>("regionIndex", () => With(p, regionCount: 1));
        Assert.Throws<ArgumentException>("regionPath", () => With(p, regionCount: 3));
        Assert.Throws<ArgumentOutOfRangeException>("regionCount", () => With(p, regionCount: 0));
    }

    [Fact]
    public void Verifier_ReportsEachFailedCheck()
    {
        ChainEntry[] chains = HierarchyNetworks.Uneven((0, 3), (1, 2), (2, 1), (3, 3));
        HierarchyParameters parameters = new(3, 3, 3, 5, 7);
        BlockHierarchy block = BlockHierarchy.Build(50, HierarchyNetworks.BlockHash, Hash32.Zero, chains, parameters);
        ChainEntry chain = chains[3];
        HierarchyPath path = block.GetPath(chain.ChainId);
        Assert.Equal((1u, 3u, 2u), (path.GroupId, path.GroupCount, path.MemberCount));

        HierarchyVerificationResult Check(HierarchyPath p, HierarchyParameters with, ulong height = 50, Hash32? commitment = null, Hash32? chainId = null, Hash32? root = null) =>
            HierarchyPathVerifier.Verify(p, chainId ?? chain.ChainId, height, commitment ?? chain.Commitment, root ?? block.GlobalRoot, with);

        HierarchyVerificationResult valid = Check(path, parameters);
        Assert.True(valid.IsValid, valid.Reason);
        Assert.Equal("valid", valid.Reason);
        Assert.Equal(block.GlobalRoot, valid.ComputedGlobalRoot);

        HierarchyVerificationResult height = Check(path, parameters, height: 51);
        Assert.Equal((HierarchyFailure.HeightMismatch, 50ul, 51ul), (height.Failure, height.Actual, height.Limit));
        Assert.Contains("height 50", height.Reason, StringComparison.Ordinal);

        Assert.Equal(HierarchyFailure.MemberCountOverCapacity, Check(path, new HierarchyParameters(1, 3, 3, 5, 7)).Failure);
        Assert.Equal(HierarchyFailure.GroupCountOverCapacity, Check(path, new HierarchyParameters(3, 2, 3, 5, 7)).Failure);

        HierarchyVerificationResult region = Check(With(path, regionId: 1), parameters);
        Assert.Equal((HierarchyFailure.RegionMismatch, 0ul, 1ul), (region.Failure, region.Actual, region.Limit));

        HierarchyVerificationResult tooFew = Check(With(path, totalChains: 3), parameters);
        Assert.Equal((HierarchyFailure.TotalChainsInconsistent, 3ul, 5ul), (tooFew.Failure, tooFew.Actual, tooFew.Limit));
        HierarchyVerificationResult tooMany = Check(With(path, totalChains: 19), parameters);
        Assert.Equal((HierarchyFailure.TotalChainsInconsistent, 19ul, 18ul), (tooMany.Failure, tooMany.Actual, tooMany.Limit));

        Assert.Equal(HierarchyFailure.GlobalRootMismatch, Check(path, parameters, commitment: Hash32.Zero).Failure);
        Assert.Equal(HierarchyFailure.GlobalRootMismatch, Check(path, parameters, chainId: chains[4].ChainId).Failure);
        Assert.Equal(HierarchyFailure.GlobalRootMismatch, Check(path, new HierarchyParameters(3, 3, 3, 5, 8)).Failure);
        HierarchyVerificationResult wrongRoot = Check(path, parameters, root: Hash32.Zero);
        Assert.Equal(HierarchyFailure.GlobalRootMismatch, wrongRoot.Failure);
        Assert.Equal(block.GlobalRoot, wrongRoot.ComputedGlobalRoot);
        Assert.Contains(block.GlobalRoot.ToString(), wrongRoot.Reason, StringComparison.Ordinal);

        Assert.Throws<ArgumentNullException>("path", () => HierarchyPathVerifier.Verify(null!, chain.ChainId, 50, chain.Commitment, block.GlobalRoot));
        Assert.Throws<ArgumentNullException>("parameters", () => HierarchyPathVerifier.Verify(path, chain.ChainId, 50, chain.Commitment, block.GlobalRoot, null!));
    }

    [Fact]
    public void AnotherChainsCommitment_OrAnotherBlocksRoot_DoNotVerify()
    {
        ChainEntry[] chains = HierarchyNetworks.Sequential(7, 2);
        BlockHierarchy block = BlockHierarchy.Build(5, HierarchyNetworks.BlockHash, Hash32.Zero, chains, SmallFast);
        BlockHierarchy next = BlockHierarchy.Build(5, HierarchyNetworks.BlockHash, block.GlobalRoot, chains, SmallFast);
        foreach (ChainEntry chain in chains)
        {
            HierarchyPath path = block.GetPath(chain.ChainId);
            Assert.True(HierarchyPathVerifier.Verify(path, chain.ChainId, 5, chain.Commitment, block.GlobalRoot, SmallFast).IsValid);
            Assert.False(HierarchyPathVerifier.Verify(path, chain.ChainId, 5, chain.Commitment, next.GlobalRoot, SmallFast).IsValid);
            foreach (ChainEntry other in chains.Where(c => c != chain))
            {
                Assert.False(HierarchyPathVerifier.Verify(path, other.ChainId, 5, other.Commitment, block.GlobalRoot, SmallFast).IsValid);
                Assert.False(HierarchyPathVerifier.Verify(path, chain.ChainId, 5, other.Commitment, block.GlobalRoot, SmallFast).IsValid);
            }
        }
    }

    [Fact]
    public void EveryFlippedBit_FailsDecodeOrVerify_ForEveryChainOfASmallNetwork()
    {
        ChainEntry[] chains = HierarchyNetworks.VectorChains();
        BlockHierarchy block = BlockHierarchy.Build(100, HierarchyNetworks.BlockHash, HierarchyNetworks.Filled(0x77), chains, SmallFast);
        foreach (ChainEntry chain in chains)
        {
            AssertEveryFlipFails(block.GetPath(chain.ChainId).Encode(), chain, block.GlobalRoot, SmallFast);
        }
    }

    private static void AssertEveryFlipFails(byte[] encoded, ChainEntry chain, Hash32 root, HierarchyParameters parameters)
    {
        ulong height = HierarchyPath.Decode(encoded).Height;
        Assert.True(HierarchyPathVerifier.Verify(HierarchyPath.Decode(encoded), chain.ChainId, height, chain.Commitment, root, parameters).IsValid);
        int rejectedByDecode = 0;
        for (int bit = 0; bit < encoded.Length * 8; bit++)
        {
            byte[] flipped = encoded.ToArray();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            HierarchyPath decoded;
            try
            {
                decoded = HierarchyPath.Decode(flipped);
            }
            catch (FormatException)
            {
                rejectedByDecode++;
                continue;
            }

            HierarchyVerificationResult result = HierarchyPathVerifier.Verify(decoded, chain.ChainId, height, chain.Commitment, root, parameters);
            Assert.False(result.IsValid, $"bit {bit} of {encoded.Length * 8} flipped still verifies");
        }

        Assert.InRange(rejectedByDecode, 8, encoded.Length * 8 - 8);
    }
}
