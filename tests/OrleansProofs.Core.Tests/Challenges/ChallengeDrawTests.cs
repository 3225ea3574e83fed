// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Challenges;

/// <summary>docs/protocol.md §9.5: draws are distinct, in range, fresh per block, and depend on the verifier's secret.</summary>
public sealed class ChallengeDrawTests
{
    private static readonly byte[] s_secret = Sha256.Hash("secret"u8).ToArray();
    private static readonly ProverPublicKey s_prover = new(Sha256.Hash("prover"u8).Bytes);
    private static readonly Hash32 s_block = Sha256.Hash("block"u8);
    private static readonly ChallengeCandidate[] s_candidates =
        [new(Sha256.Hash("a"u8), 100), new(Sha256.Hash("b"u8), 1), new(Sha256.Hash("c"u8), 5_000)];

    [Fact]
    public void Draw_IsDistinct_InRange_AndReproducibleFromItsInputs()
    {
        IReadOnlyList<AvailabilityChallenge> draw = ChallengeDraw.Draw(s_secret, s_prover, 10, s_block, s_candidates, 10);

        Assert.Equal(10, draw.Count);
        Assert.Equal(10, draw.Select(c => (c.ChainId, c.ChunkIndex)).Distinct().Count());
        Assert.Equal(10, draw.Select(c => c.Nonce).Distinct().Count());
        Assert.All(draw, c => Assert.True(c.ChunkIndex < s_candidates.Single(k => k.ChainId == c.ChainId).TotalChunks));
        Assert.Equal(draw, ChallengeDraw.Draw(s_secret, s_prover, 10, s_block, s_candidates, 10));
    }

    [Fact]
    public void AnotherSecret_Block_Height_OrProver_DrawsOtherwise()
    {
        IReadOnlyList<AvailabilityChallenge> draw = ChallengeDraw.Draw(s_secret, s_prover, 10, s_block, s_candidates, 10);
        byte[] otherSecret = [.. s_secret];
        otherSecret[0] ^= 1;

        Assert.NotEqual(draw, ChallengeDraw.Draw(otherSecret, s_prover, 10, s_block, s_candidates, 10));
        Assert.NotEqual(draw, ChallengeDraw.Draw(s_secret, s_prover, 11, s_block, s_candidates, 10));
        Assert.NotEqual(draw, ChallengeDraw.Draw(s_secret, s_prover, 10, Sha256.Hash("other block"u8), s_candidates, 10));
        Assert.NotEqual(draw, ChallengeDraw.Draw(s_secret, new ProverPublicKey(s_block.Bytes), 10, s_block, s_candidates, 10));
    }

    [Fact]
    public void FewerChunksThanChallenges_ChallengesEveryChunkOnce()
    {
        ChallengeCandidate[] small = [new(Sha256.Hash("a"u8), 3), new(Sha256.Hash("b"u8), 2)];

        IReadOnlyList<AvailabilityChallenge> draw = ChallengeDraw.Draw(s_secret, s_prover, 1, s_block, small, 10);

        Assert.Equal(5, draw.Count);
        Assert.Equal(5, draw.Select(c => (c.ChainId, c.ChunkIndex)).Distinct().Count());
    }

    [Fact]
    public void Draw_CoversChainsAndChunksRoughlyUniformly()
    {
        ChallengeCandidate[] two = [new(Sha256.Hash("a"u8), 1_000), new(Sha256.Hash("b"u8), 1_000)];
        int first = 0;
        int lowHalf = 0;
        for (ulong height = 0; height < 200; height++)
        {
            foreach (AvailabilityChallenge c in ChallengeDraw.Draw(s_secret, s_prover, height, s_block, two, 10))
            {
                first += c.ChainId == two[0].ChainId ? 1 : 0;
                lowHalf += c.ChunkIndex < 500 ? 1 : 0;
            }
        }

        // 2,000 draws: each count is Binomial(2000, 1/2), mean 1,000, standard deviation ≈ 22; 150 is about 7 σ.
        Assert.InRange(first, 850, 1_150);
        Assert.InRange(lowHalf, 850, 1_150);
    }

    [Fact]
    public void BadArguments_AreNamed()
    {
        Assert.Equal("secret", Assert.Throws<ArgumentException>(() => ChallengeDraw.Draw(new byte[31], s_prover, 1, s_block, s_candidates, 10)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ChallengeDraw.Draw(s_secret, s_prover, 1, s_block, s_candidates, 0)).ParamName);
        Assert.Equal("candidates", Assert.Throws<ArgumentException>(() => ChallengeDraw.Draw(s_secret, s_prover, 1, s_block, [new(s_block, 0)], 1)).ParamName);
        Assert.Empty(ChallengeDraw.Draw(s_secret, s_prover, 1, s_block, [], 10));
    }
}
