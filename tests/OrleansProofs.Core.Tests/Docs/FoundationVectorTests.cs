// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Tests.Proofs;

namespace OrleansProofs.Core.Tests.Docs;

/// <summary>
/// The known-answer vectors of docs/protocol.md §1 (tagged hashing, Merkle tree) and §7 (proof
/// formats): each value is recomputed here, and the document must state every one of them.
/// </summary>
public sealed class FoundationVectorTests
{
    public static readonly TheoryData<string, string> Vectors = new()
    {
        { "tagged leaf of \"abc\"", "41e97d550db134e9948a3365b2ae15d2e5cbc79d4d0453887105b2f07250fb2c" },
        { "node(leaf(0x00), leaf(0x01))", "557d76b62eaf2b271eca8999945bca96ddcafa6d7fa53ed927be47042b95b8db" },
        { "merkle root, 3 leaves", "8c16aed691bb8dc14caa5dedb045c64ff005011e33825b84e74023fdcd049bc4" },
        { "merkle root, 5 leaves", "b5265866e38987224654853754fb97f411b7a3c69a08b7850608b4805e8292bb" },
        { "position(chain 0x11…11, group 7, region 0)", "7d4b01b617217837f2d0f355e54574555892b9881b1c6899e8970a5396795a84" },
        { "ultra-compact claim", "46e9a96de5020360b4ea3aeb7d419ef114207551726624ad3588bf67c5c8139300000000000000062779b2a3e4980981e38e1a97eba7389ff7d18dc9089bb4042e22e85d21de29c300000000000003ee8638d4c2f4979f06074b09a9c563fd70dc04d38afea4f86a9c2ea7307cd65e870000000a0000000065542fe00102030405060708090a0b0c" },
        { "sha256(path proof)", "55b33dbacbacc9a41dee375c7acad47bfc21c6aeae561b03a83419c76d1921fb" },
        { "sha256(compact proof)", "c03cbd04a0696a15d3f1e8f7d30d4f61ed4704181d6324bf68c1bb88f6af7e38" },
        { "sha256(full proof)", "96a44aabda9f9ae41717657e5923e2fdc8e03fc803f560717c07fc5c14b4714f" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_MatchesTheCode(string name, string expected) => Assert.Equal(expected, Compute(name));

    [Fact]
    public void ProtocolDocument_StatesEveryVector()
    {
        string document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "protocol.md"));
        foreach (object[] row in Vectors)
        {
            Assert.True(document.Contains($"| {row[0]} | `{row[1]}` |", StringComparison.Ordinal), $"docs/protocol.md does not state the vector '{row[0]}'.");
        }
    }

    private static Hash32 Leaf(byte value) => TaggedHash.Compute(DomainTags.Leaf, [value]);

    private static string Compute(string name)
    {
        Hash32[] five = [Leaf(0), Leaf(1), Leaf(2), Leaf(3), Leaf(4)];
        switch (name)
        {
            case "tagged leaf of \"abc\"":
                return TaggedHash.Compute(DomainTags.Leaf, "abc"u8).ToString();
            case "node(leaf(0x00), leaf(0x01))":
                return MerkleTree.HashNode(Leaf(0), Leaf(1)).ToString();
            case "merkle root, 3 leaves":
                return MerkleTree.ComputeRoot(five[..3]).ToString();
            case "merkle root, 5 leaves":
                return MerkleTree.ComputeRoot(five).ToString();
            case "position(chain 0x11…11, group 7, region 0)":
                return HierarchyPosition.Compute(new Hash32(Enumerable.Repeat((byte)0x11, 32).ToArray()), 7, 0).ToString();
        }

        // The proof vectors come from the seeded scenario of the proof tests (seed 1, fast parameters,
        // 5 chunks, 6 blocks with a gap at block 4, 9 other chains).
        using ProvingScenario scenario = ProvingScenario.Run(ProvingScenario.FastParameters, chunkCount: 5, blocks: 6, otherChains: 9, gapBlocks: new HashSet<int> { 4 });
        return name switch
        {
            "ultra-compact claim" => Convert.ToHexStringLower(scenario.BuildClaim(AuditorNonce.Parse("0102030405060708090a0b0c")).Encode()),
            "sha256(path proof)" => Convert.ToHexStringLower(SHA256.HashData(scenario.BuildPathProof().Encode())),
            "sha256(compact proof)" => Convert.ToHexStringLower(SHA256.HashData(scenario.BuildCompact().Encode())),
            "sha256(full proof)" => Convert.ToHexStringLower(SHA256.HashData(scenario.BuildFull().Encode())),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown vector"),
        };
    }
}
