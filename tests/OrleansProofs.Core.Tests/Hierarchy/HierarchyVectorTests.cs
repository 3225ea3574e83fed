// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Tests.Hierarchy;

/// <summary>
/// Asserts the test vectors published in docs/protocol.md §5 (computed independently with
/// Python's hashlib from the documented layouts): chain leaf, group, region and global roots and
/// two encoded paths of the vector network, and that those paths decode and verify.
/// </summary>
public sealed class HierarchyVectorTests
{
    private const string PathOfChain3 =
        "010000000000000064bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000005" +
        "000000010000000000" +
        "00000001000000020000000101" + "7dee224cd837a9b7fddd4c1cfb3f266950bdb5fc5cef969e658b5774840ab83c" +
        "00000000000000020000000001" + "49be9f29d9f2730793a53137a5a1da84020d119b39229d4917c92ee9e71b7baf";

    private const string PathOfChain5 =
        "010000000000000064bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000005" +
        "000000020000000101" + "c21f64eab110af45581867ac3ec22f7381fb74cc0e1986b7b186cf4edb90c495" +
        "00000002000000010000000000" +
        "00000001000000020000000101" + "201886209b966cff0aa628135b369df0bf794230e0cd3fcded48cb05661607e1";

    private static readonly BlockHierarchy Block = HierarchyNetworks.VectorBlock();

    [Fact]
    public void ChainLeaf_Vector()
    {
        Assert.Equal(
            "5d0332742b1b5ce616d66be8449acf4699c2c4b8ca58e0ce807bac7bba0adbe7",
            ChainLeaf.Compute(HierarchyNetworks.Filled(0x01), 100, HierarchyNetworks.Filled(0xa1)).ToString());
    }

    [Fact]
    public void Roots_Vectors()
    {
        Assert.Equal(
            [
                new LevelRoot(0, Hash32.Parse("7dee224cd837a9b7fddd4c1cfb3f266950bdb5fc5cef969e658b5774840ab83c")),
                new LevelRoot(1, Hash32.Parse("46855faf31233cd9348254d58a70db44b9e63573243905394b5612dd457ccd6f")),
                new LevelRoot(2, Hash32.Parse("2c2449956b43ee8760a9dcca6ba0cacf58b29fb36e426d9b296efa3279e7ffb7")),
            ],
            Block.GroupRoots);
        Assert.Equal(
            [
                new LevelRoot(0, Hash32.Parse("201886209b966cff0aa628135b369df0bf794230e0cd3fcded48cb05661607e1")),
                new LevelRoot(1, Hash32.Parse("49be9f29d9f2730793a53137a5a1da84020d119b39229d4917c92ee9e71b7baf")),
            ],
            Block.RegionRoots);
        Assert.Equal("9ca24ec3249be019502e548c4b5f34eeec7d2836380430fed9571bd10cefd779", Block.GlobalRoot.ToString());
    }

    [Fact]
    public void EncodedPaths_Vectors_DecodeAndVerify()
    {
        foreach ((byte chain, string hex) in new[] { ((byte)0x03, PathOfChain3), ((byte)0x05, PathOfChain5) })
        {
            Hash32 chainId = HierarchyNetworks.Filled(chain);
            Assert.Equal(hex, Convert.ToHexStringLower(Block.GetPath(chainId).Encode()));
            HierarchyPath decoded = HierarchyPath.Decode(Convert.FromHexString(hex));
            HierarchyVerificationResult result = HierarchyPathVerifier.Verify(
                decoded, chainId, 100, HierarchyNetworks.Filled((byte)(0xa0 + chain)), Block.GlobalRoot, HierarchyNetworks.VectorParameters);
            Assert.True(result.IsValid, result.Reason);
        }
    }
}
