// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// Verifies the chain verifier without the bytes: honest chains (with gaps, with possession evidence,
/// small files, beacons) verify, and each attack — tampered link, fork, wrong or reordered heights,
/// silent skip, duplicate, wrong indices, other block hash or beacon, tampered commitment or digest —
/// fails at the right height with the precise reason. Possession attacks: <see cref="PossessionTests"/>.
/// </summary>
public sealed class ChainVerifierTests
{
    private readonly ChainFixture _fixture = new(chunkCount: 300);

    private static ChainRecord WithCommitment(ChainRecord record, Hash32 commitment) =>
        new(record.Kind, record.Height, record.BlockHash, record.PreviousCommitment, record.Indices, record.AccessDigests, commitment);

    [Fact]
    public void HonestChain_Verifies_WithGapsAndPossession()
    {
        List<ChainRecord> records = _fixture.HonestChain(20, 505, 506, 515);
        ChainVerificationResult result = _fixture.Verify(records, _fixture.Evidence(records));
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(17, result.VerifiedCommits);
        Assert.Equal(3, result.Gaps);
        Assert.Equal(ChainFixture.AnchorHeight + 20, result.HeadHeight);
        Assert.Equal(records[^1].Commitment, result.HeadCommitment);
        Assert.Null(result.FailureHeight);
    }

    [Fact]
    public void EmptyChain_IsValid_AtTheAnchor()
    {
        ChainVerificationResult result = _fixture.Verify([]);
        Assert.True(result.IsValid);
        Assert.Equal(_fixture.Header.AnchoredCommitment, result.HeadCommitment);
        Assert.Equal(ChainFixture.AnchorHeight, result.HeadHeight);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    public void SmallFiles_AndEnhancedProfile_Verify(int chunks)
    {
        ChainFixture fixture = new(chunks, seed: chunks, ConsensusParameters.Enhanced);
        List<ChainRecord> records = fixture.HonestChain(10, 503);
        Assert.All(records.Where(r => r.Kind == ChainRecordKind.Commit), r => Assert.Equal(Math.Min(16, chunks), r.Indices.Length));
        ChainVerificationResult result = fixture.Verify(records, fixture.Evidence(records));
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Attack_TamperedLink_IsABrokenLink()
    {
        List<ChainRecord> records = _fixture.HonestChain(6);

        // Record 3 is honestly computed, but against a previous commitment that is not the head.
        records[3] = _fixture.Commit(records[3].Height, Sha256.Hash("not the head"u8));
        ChainFixture.AssertFails(_fixture.Verify(records), ChainFailureReason.BrokenLink, records[3].Height, 3);
    }

    [Fact]
    public void Attack_Fork_TwoRecordsForOneHeight_IsRejected()
    {
        // A fork: a second, different record for height 502 continuing from 501. Whichever branch
        // comes second repeats a covered height.
        List<ChainRecord> records = _fixture.HonestChain(2);
        ChainRecord fork = ChainRecord.Gap(_fixture.Header.ChainId, records[0].Commitment, records[1].Height, records[1].BlockHash);
        ChainFixture.AssertFails(_fixture.Verify([.. records, fork]), ChainFailureReason.HeightAlreadyCovered, records[1].Height + 1, 2);
    }

    [Fact]
    public void Attack_SilentSkip_IsHeightSkipped()
    {
        // The prover missed height 503 and continues at 504 without a gap record, linked correctly.
        List<ChainRecord> records = _fixture.HonestChain(2);
        ChainRecord afterSkip = _fixture.Commit(504, records[1].Commitment);
        ChainFixture.AssertFails(_fixture.Verify([.. records, afterSkip]), ChainFailureReason.HeightSkipped, 503, 2);

        // The first record must be the first height after the anchor.
        ChainFixture.AssertFails(_fixture.Verify([_fixture.Commit(502, _fixture.Header.AnchoredCommitment)]), ChainFailureReason.HeightSkipped, 501, 0);
    }

    [Fact]
    public void Attack_WrongHeight_BlockAndEntropyOfAnotherHeight()
    {
        // Relabelled height: the record of 502 claims to be 503 (same hash and link).
        List<ChainRecord> records = _fixture.HonestChain(3);
        ChainRecord relabelled = new(records[1].Kind, 503, records[1].BlockHash, records[1].PreviousCommitment, records[1].Indices, records[1].AccessDigests, records[1].Commitment);
        ChainFixture.AssertFails(_fixture.Verify([records[0], relabelled]), ChainFailureReason.HeightSkipped, 502, 1);

        // Height before the anchor + 1.
        ChainRecord early = new(records[0].Kind, 500, records[0].BlockHash, records[0].PreviousCommitment, records[0].Indices, records[0].AccessDigests, records[0].Commitment);
        ChainFixture.AssertFails(_fixture.Verify([early]), ChainFailureReason.HeightAlreadyCovered, 501, 0);
    }

    [Fact]
    public void Attack_DuplicateAndReorderedRecords_AreRejected()
    {
        List<ChainRecord> records = _fixture.HonestChain(4);
        ChainFixture.AssertFails(_fixture.Verify([records[0], records[1], records[1], records[2]]), ChainFailureReason.HeightAlreadyCovered, 503, 2);
        ChainFixture.AssertFails(_fixture.Verify([records[0], records[2], records[1], records[3]]), ChainFailureReason.HeightSkipped, 502, 1);
        ChainFixture.AssertFails(_fixture.Verify([records[1], records[0]]), ChainFailureReason.HeightSkipped, 501, 0);
    }

    [Fact]
    public void Attack_DifferentBlockHash_IsRejected()
    {
        // The record was made for a block hash the network never had at that height (e.g. a
        // precomputed or orphaned block); everything else is self-consistent.
        List<ChainRecord> records = _fixture.HonestChain(3);
        Hash32 orphan = Sha256.Hash("orphaned block"u8);
        Hash32 entropy = BlockEntropy.Compute(orphan, null, 503);
        Span<ulong> indices = stackalloc ulong[4];
        ChunkSelector.Select(entropy, _fixture.Header.ChainId, records[1].Commitment, _fixture.Header.TotalChunks, 4, indices);
        ImmutableArray<ulong> selected = [.. indices];
        ChainRecord forged = ChainRecord.Commit(_fixture.Header.ChainId, records[1].Commitment, 503, orphan, entropy, selected, _fixture.Digests(entropy, selected));
        ChainFixture.AssertFails(_fixture.Verify([records[0], records[1], forged]), ChainFailureReason.BlockHashMismatch, 503, 2);

        // A gap for another block hash is rejected the same way.
        ChainRecord gap = ChainRecord.Gap(_fixture.Header.ChainId, records[1].Commitment, 503, orphan);
        ChainFixture.AssertFails(_fixture.Verify([records[0], records[1], gap]), ChainFailureReason.BlockHashMismatch, 503, 2);
    }

    [Fact]
    public void Attack_IgnoringTheBeacon_IsASelectionMismatch()
    {
        // In the fixture, heights divisible by 3 have a beacon: 504 does. A prover that selected
        // from the block hash alone at 504 (self-consistent otherwise) is caught.
        List<ChainRecord> records = _fixture.HonestChain(3);
        Assert.NotNull(_fixture.Blocks[504].Beacon);
        Hash32 withoutBeacon = BlockEntropy.Compute(_fixture.Blocks[504].BlockHash, null, 504);
        Span<ulong> indices = stackalloc ulong[4];
        ChunkSelector.Select(withoutBeacon, _fixture.Header.ChainId, records[2].Commitment, _fixture.Header.TotalChunks, 4, indices);
        ImmutableArray<ulong> selected = [.. indices];
        ChainRecord noBeacon = ChainRecord.Commit(_fixture.Header.ChainId, records[2].Commitment, 504, _fixture.Blocks[504].BlockHash, withoutBeacon, selected, _fixture.Digests(withoutBeacon, selected));
        ChainFixture.AssertFails(_fixture.Verify([.. records, noBeacon]), ChainFailureReason.SelectionMismatch, 504, 3);

        // The honest record at 504 used the beacon and verifies.
        Assert.True(_fixture.Verify([.. records, _fixture.Commit(504, records[2].Commitment)]).IsValid);
    }

    [Fact]
    public void Attack_WrongIndices_AreASelectionMismatch()
    {
        List<ChainRecord> records = _fixture.HonestChain(3);
        ChainRecord honest = records[2];

        // Chunks the prover does hold instead of the selected ones, committed consistently.
        ImmutableArray<ulong> convenient = [0, 1, 2, 3];
        Hash32 entropy = _fixture.EntropyAt(honest.Height);
        ChainRecord chosen = ChainRecord.Commit(_fixture.Header.ChainId, honest.PreviousCommitment, honest.Height, honest.BlockHash,
            entropy, convenient, _fixture.Digests(entropy, convenient));
        ChainFixture.AssertFails(_fixture.Verify([records[0], records[1], chosen]), ChainFailureReason.SelectionMismatch, honest.Height, 2);

        // The right indices, reordered.
        ImmutableArray<ulong> reversed = [.. honest.Indices.Reverse()];
        ChainRecord reordered = ChainRecord.Commit(_fixture.Header.ChainId, honest.PreviousCommitment, honest.Height, honest.BlockHash,
            entropy, reversed, [.. honest.AccessDigests.Reverse()]);
        ChainFixture.AssertFails(_fixture.Verify([records[0], records[1], reordered]), ChainFailureReason.SelectionMismatch, honest.Height, 2);

        // Selected against another previous commitment (say, precomputed on a fork) while the
        // record names the right link and commits consistently.
        Span<ulong> stale = stackalloc ulong[4];
        ChunkSelector.Select(entropy, _fixture.Header.ChainId, Sha256.Hash("fork head"u8), _fixture.Header.TotalChunks, 4, stale);
        ImmutableArray<ulong> staleIndices = [.. stale];
        ChainRecord precomputed = ChainRecord.Commit(_fixture.Header.ChainId, honest.PreviousCommitment, honest.Height, honest.BlockHash,
            entropy, staleIndices, _fixture.Digests(entropy, staleIndices));
        ChainFixture.AssertFails(_fixture.Verify([records[0], records[1], precomputed]), ChainFailureReason.SelectionMismatch, honest.Height, 2);

        // Too few chunks.
        ChainRecord fewer = new(ChainRecordKind.Commit, honest.Height, honest.BlockHash, honest.PreviousCommitment, honest.Indices[..3], honest.AccessDigests[..3], honest.Commitment);
        ChainFixture.AssertFails(_fixture.Verify([records[0], records[1], fewer]), ChainFailureReason.WrongChunkCount, honest.Height, 2);
    }

    [Fact]
    public void Attack_TamperedCommitmentOrDigest_IsACommitmentMismatch()
    {
        List<ChainRecord> records = _fixture.HonestChain(3);
        ChainFixture.AssertFails(_fixture.Verify([records[0], WithCommitment(records[1], Sha256.Hash("x"u8)), records[2]]), ChainFailureReason.CommitmentMismatch, 502, 1);

        // An access digest swapped after committing.
        ChainRecord honest = records[1];
        ChainRecord swapped = new(honest.Kind, honest.Height, honest.BlockHash, honest.PreviousCommitment, honest.Indices, honest.AccessDigests.SetItem(0, Hash32.Zero), honest.Commitment);
        ChainFixture.AssertFails(_fixture.Verify([records[0], swapped]), ChainFailureReason.CommitmentMismatch, 502, 1);

        // A gap record whose commitment is not the gap hash.
        List<ChainRecord> withGap = _fixture.HonestChain(2, 502);
        ChainFixture.AssertFails(_fixture.Verify([withGap[0], WithCommitment(withGap[1], withGap[0].Commitment)]), ChainFailureReason.CommitmentMismatch, 502, 1);
    }

    [Fact]
    public void UnknownBlock_IsReported()
    {
        ChainFixture fixture = new(50);
        List<ChainRecord> records = fixture.HonestChain(3);
        fixture.Blocks.Remove(503);
        ChainFixture.AssertFails(fixture.Verify(records), ChainFailureReason.UnknownBlock, 503, 2);
    }

    [Fact]
    public void Profile_Matters_AFourChunkChainIsNotAnEnhancedChain()
    {
        List<ChainRecord> records = _fixture.HonestChain(2);
        ChainVerificationResult result = ChainVerifier.Verify(_fixture.Header, ConsensusParameters.Enhanced, _fixture.Blocks, records);
        ChainFixture.AssertFails(result, ChainFailureReason.WrongChunkCount, 501, 0);
    }

    [Fact]
    public void Misuse_Throws()
    {
        Assert.Throws<ArgumentNullException>("header", () => ChainVerifier.Verify(null!, ConsensusParameters.Standard, _fixture.Blocks, []));
        Assert.Throws<ArgumentNullException>("records", () => ChainVerifier.Verify(_fixture.Header, ConsensusParameters.Standard, _fixture.Blocks, null!));
        Assert.Throws<ArgumentException>("ChunksPerBlock", () => ChainVerifier.Verify(_fixture.Header, ConsensusParameters.Standard with { ChunksPerBlock = 0 }, _fixture.Blocks, []));
        Assert.Throws<ArgumentException>("records", () => ChainVerifier.Verify(_fixture.Header, ConsensusParameters.Standard, _fixture.Blocks, [null!]));
    }
}
