// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// Verifies the known-answer vectors of docs/protocol.md §4: every byte layout (chain id,
/// ownership, anchored commitment, entropy, selection, access digest, access and gap commitments, parameters hash)
/// against values computed by an independent reference (Python hashlib), and that the document
/// still states each of them.
/// </summary>
public sealed class ProtocolVectorTests
{
    // Inputs (docs/protocol.md §4 §Test vectors).
    private static readonly Hash32 DataHash = Fill(0x11);
    private static readonly ProverPublicKey ProverKey = ProverPublicKey.Parse("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"); // RFC 8032 §7.1 test 2
    private static readonly Hash32 ReplicaRoot = Fill(0x22);
    private static readonly Hash32 AnchorBlockHash = Fill(0x33);
    private static readonly Hash32 BlockHash1001 = Fill(0x44);
    private static readonly Hash32 Beacon1001 = Fill(0x55);
    private static readonly Hash32 BlockHash1002 = Fill(0x66);

    internal const string ChainIdHex = "baebc509606b66e8fbd98c93c1b61b3b7a5166b3acee472bcdd400819c2d9d3a";
    internal const string OwnershipHex = "bb409b9bea0ccb99c9d47a9e16bf3181fa7ce0564e72954f57f25c702229f49b";
    internal const string AnchoredHex = "e5005aba354225af9db38e804cdf3b0ddc192509c9c6bc4f11bdf418ce1bb19f";
    internal const string EntropyHex = "9a2b0d1e449ab6ef1d0639d7d821341bb9ac0bdc1ef9669b4e3362f77e300358";
    internal const string EntropyBeaconHex = "519d3c7e109e7d5fdac72416ecb6528fe08a8fe56e8ba4e12f16a92e17a2693d";
    internal const string AccessDigestHex = "77bc3b705c5009a0c4f5699addaa9b10a719618c619296be6792214784d20086";
    internal const string AccessDigestPatternedHex = "a3f2629d62d642d7fad44465bdd4218e35f97519d0802b9d26392102eededb20";
    internal const string AccessDigestPatternedBeaconHex = "1c77a981371afcc5f19682804c507cc779bc9e266cc9cf05b9ac12563f12de7e";
    internal const string CommitmentHex = "769e8b6f89d6dd4d6a6d33774a2dea74e842a82a90278434fde70af80a3839e6";
    internal const string GapHex = "b19b3e23beb62e2e91b25a6101cabeac7c62f3012d1baac71417ca9919bf4ed3";
    internal const string StandardParametersHex = "9578e8cd7c8d30c0f9ef75305142e7bfbbadcb2c6647250130c23c48ac3f6d06";
    internal const string EnhancedParametersHex = "2bf7d859e30afe915e63ce0735933cd944bfe64485cbb1d21cfbd78c12bb3079";
    internal const string DevParametersHex = "8cdb28b58adbfacd7ce9cae0ac346639eb0c5d3493c3678dfcd7ef3265844d0c";

    // Access digests of Selection4 at block 1001 over chunk_i = 4,096 × byte(index_i mod 256).
    internal static readonly string[] AccessDigests4 =
    [
        AccessDigestHex,
        "c8af299739809e3dd5ea9db07352063fea395c8d9ce7aeec520e1d9312c1fee7",
        "0364ce3d3e185eb2936fc435e1433e4f2d9b0d15ad749c782e65c79da6bb1208",
        "9440199435c654d8fa1f685776b72d725244a2f3c395a143b47a48f8a03b7a02",
    ];

    internal static readonly ulong[] Selection4 = [140, 183, 18, 51];
    internal static readonly ulong[] Selection16 = [140, 183, 18, 51, 6, 213, 60, 195, 172, 108, 94, 241, 151, 153, 59, 91];
    internal static readonly ulong[] Selection3Chunks = [2, 1, 0];

    // n = 2^63 + 1: 2^64 mod n = 2^63 − 1, so about half of all words are rejected (26 of the 42
    // words consumed here). A plain "w mod n" would give different indices.
    internal static readonly ulong[] SelectionRejecting =
    [
        7447708445419187855, 5972990195715926128, 5704765210372976421, 5764706728087491260,
        6511442008583226788, 5203957472474028146, 8486440227353503894, 8976964943195620201,
        5093438306937320636, 5441585294294691134, 8353842474286070139, 7927653681144863864,
        6412449892679960230, 3393407246017463592, 4305427458652162144, 8952240469852176916,
    ];

    private static Hash32 Fill(byte value)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Fill(value);
        return new Hash32(bytes);
    }

    private static ChainHeader Header() =>
        ChainHeader.Create(DataHash, ProverKey, ReplicaRoot, 1_000_000, 1, 64, 1000, AnchorBlockHash);

    [Fact]
    public void Identity_Vectors()
    {
        ChainHeader header = Header();
        Assert.Equal(245UL, header.TotalChunks);
        Assert.Equal(ChainIdHex, ChainId.Compute(DataHash, ProverKey).ToString());
        Assert.Equal(ChainIdHex, header.ChainId.ToString());
        Assert.Equal(OwnershipHex, header.OwnershipCommitment.ToString());
        Assert.Equal(AnchoredHex, header.AnchoredCommitment.ToString());
    }

    [Fact]
    public void Entropy_Vectors()
    {
        Assert.Equal(EntropyHex, BlockEntropy.Compute(BlockHash1001, null, 1001).ToString());
        Assert.Equal(EntropyBeaconHex, BlockEntropy.Compute(BlockHash1001, Beacon1001, 1001).ToString());

        // An absent beacon is 32 zero bytes on the wire.
        Assert.Equal(EntropyHex, BlockEntropy.Compute(BlockHash1001, Hash32.Zero, 1001).ToString());
    }

    [Theory]
    [InlineData(245UL, 4)]
    [InlineData(245UL, 16)]
    [InlineData(3UL, 4)]
    [InlineData((1UL << 63) + 1, 16)]
    public void Selection_Vectors(ulong totalChunks, int chunksPerBlock)
    {
        ulong[] expected = (totalChunks, chunksPerBlock) switch
        {
            (245, 4) => Selection4,
            (245, 16) => Selection16,
            (3, 4) => Selection3Chunks,
            _ => SelectionRejecting,
        };
        Hash32 entropy = Hash32.Parse(EntropyHex);
        Span<ulong> indices = stackalloc ulong[16];
        int k = ChunkSelector.Select(entropy, Hash32.Parse(ChainIdHex), Hash32.Parse(AnchoredHex), totalChunks, chunksPerBlock, indices);
        Assert.Equal(expected, indices[..k].ToArray());
    }

    private static byte[] FilledChunk(ulong index)
    {
        byte[] chunk = new byte[ProtocolConstants.ChunkSize];
        Array.Fill(chunk, (byte)(index % 256));
        return chunk;
    }

    [Fact]
    public void AccessDigest_Vectors()
    {
        Hash32 chainId = Hash32.Parse(ChainIdHex);
        Assert.Equal(AccessDigestHex, AccessDigest.Compute(Hash32.Parse(EntropyHex), chainId, 140, FilledChunk(140)).ToString());

        // A chunk whose bytes all differ from their neighbours (byte j = j mod 251) pins the byte
        // order of the chunk in the input; the beacon entropy changes the digest.
        byte[] patterned = new byte[ProtocolConstants.ChunkSize];
        for (int j = 0; j < patterned.Length; j++)
        {
            patterned[j] = (byte)(j % 251);
        }

        Assert.Equal(AccessDigestPatternedHex, AccessDigest.Compute(Hash32.Parse(EntropyHex), chainId, 7, patterned).ToString());
        Assert.Equal(AccessDigestPatternedBeaconHex, AccessDigest.Compute(Hash32.Parse(EntropyBeaconHex), chainId, 7, patterned).ToString());
    }

    [Fact]
    public void Commitment_And_Gap_Vectors()
    {
        ChainHeader header = Header();
        Hash32 entropy = Hash32.Parse(EntropyHex);
        ImmutableArray<Hash32> digests = [.. Selection4.Select(i => AccessDigest.Compute(entropy, header.ChainId, i, FilledChunk(i)))];
        Assert.Equal(AccessDigests4, digests.Select(d => d.ToString()));
        Assert.Equal(AccessDigestHex, digests[0].ToString());

        ChainRecord commit = ChainRecord.Commit(header.ChainId, header.AnchoredCommitment, 1001, BlockHash1001, entropy, [.. Selection4], digests);
        Assert.Equal(CommitmentHex, commit.Commitment.ToString());

        ChainRecord gap = ChainRecord.Gap(header.ChainId, commit.Commitment, 1002, BlockHash1002);
        Assert.Equal(GapHex, gap.Commitment.ToString());

        // The two records form a valid chain over the public blocks 1001 and 1002 (k = 4 of 245).
        Dictionary<ulong, BlockData> blocks = new() { [1001] = new(BlockHash1001), [1002] = new(BlockHash1002) };
        ChainVerificationResult result = ChainVerifier.Verify(header, ConsensusParameters.Standard, blocks, [commit, gap]);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal((1, 1), (result.VerifiedCommits, result.Gaps));
    }

    [Fact]
    public void Parameters_Vectors()
    {
        Assert.Equal(StandardParametersHex, ConsensusParameters.Standard.ComputeParametersHash().ToString());
        Assert.Equal(EnhancedParametersHex, ConsensusParameters.Enhanced.ComputeParametersHash().ToString());
        Assert.Equal(DevParametersHex, ConsensusParameters.Dev.ComputeParametersHash().ToString());
    }

    [Fact]
    public void Document_StatesEveryVector()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "protocol.md"));
        string[] expected =
        [
            ChainIdHex, OwnershipHex, AnchoredHex, EntropyHex, EntropyBeaconHex, CommitmentHex, GapHex,
            AccessDigestPatternedHex, AccessDigestPatternedBeaconHex, .. AccessDigests4,
            StandardParametersHex, EnhancedParametersHex, DevParametersHex,
            string.Join(", ", Selection4), string.Join(", ", Selection16), string.Join(", ", Selection3Chunks),
            string.Join(", ", SelectionRejecting),
        ];
        foreach (string value in expected)
        {
            Assert.True(doc.Contains(value, StringComparison.Ordinal), $"docs/protocol.md §4 does not state {value}");
        }
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansProofs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrleansProofs.sln not found above " + AppContext.BaseDirectory);
    }
}
