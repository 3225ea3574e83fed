// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// Verifies the chain verifier: honest chains (with gaps, with possession evidence, small files,
/// beacons) verify, and each attack — tampered link, fork, wrong or reordered heights, silent skip,
/// duplicate, wrong indices, other block hash or beacon, tampered commitment, forged leaves with
/// possession checking — fails at the right height with the precise reason.
/// </summary>
public sealed class ChainVerifierTests
{
    private readonly ChainFixture _fixture = new(chunkCount: 300);

    private static void AssertFails(ChainVerificationResult result, ChainFailureReason reason, ulong height, int recordIndex)
    {
        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(height, result.FailureHeight);
        Assert.Equal(recordIndex, result.FailedRecordIndex);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    private static ChainRecord WithCommitment(ChainRecord record, Hash32 commitment) =>
        new(record.Kind, record.Height, record.BlockHash, record.PreviousCommitment, record.Indices, record.LeafHashes, commitment);

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
        AssertFails(_fixture.Verify(records), ChainFailureReason.BrokenLink, records[3].Height, 3);
    }

    [Fact]
    public void Attack_Fork_TwoRecordsForOneHeight_IsRejected()
    {
        // A fork: a second, different record for height 502 continuing from 501. Whichever branch
        // comes second repeats a covered height.
        List<ChainRecord> records = _fixture.HonestChain(2);
        ChainRecord fork = ChainRecord.Gap(_fixture.Header.ChainId, records[0].Commitment, records[1].Height, records[1].BlockHash);
        AssertFails(_fixture.Verify([.. records, fork]), ChainFailureReason.HeightAlreadyCovered, records[1].Height + 1, 2);
    }

    [Fact]
    public void Attack_SilentSkip_IsHeightSkipped()
    {
        // The prover missed height 503 and continues at 504 without a gap record, linked correctly.
        List<ChainRecord> records = _fixture.HonestChain(2);
        ChainRecord afterSkip = _fixture.Commit(504, records[1].Commitment);
        AssertFails(_fixture.Verify([.. records, afterSkip]), ChainFailureReason.HeightSkipped, 503, 2);

        // The first record must be the first height after the anchor.
        AssertFails(_fixture.Verify([_fixture.Commit(502, _fixture.Header.AnchoredCommitment)]), ChainFailureReason.HeightSkipped, 501, 0);
    }

    [Fact]
    public void Attack_WrongHeight_BlockAndEntropyOfAnotherHeight()
    {
        // Relabelled height: the record of 502 claims to be 503 (same hash and link).
        List<ChainRecord> records = _fixture.HonestChain(3);
        ChainRecord relabelled = new(records[1].Kind, 503, records[1].BlockHash, records[1].PreviousCommitment, records[1].Indices, records[1].LeafHashes, records[1].Commitment);
        AssertFails(_fixture.Verify([records[0], relabelled]), ChainFailureReason.HeightSkipped, 502, 1);

        // Height before the anchor + 1.
        ChainRecord early = new(records[0].Kind, 500, records[0].BlockHash, records[0].PreviousCommitment, records[0].Indices, records[0].LeafHashes, records[0].Commitment);
        AssertFails(_fixture.Verify([early]), ChainFailureReason.HeightAlreadyCovered, 501, 0);
    }

    [Fact]
    public void Attack_DuplicateAndReorderedRecords_AreRejected()
    {
        List<ChainRecord> records = _fixture.HonestChain(4);
        AssertFails(_fixture.Verify([records[0], records[1], records[1], records[2]]), ChainFailureReason.HeightAlreadyCovered, 503, 2);
        AssertFails(_fixture.Verify([records[0], records[2], records[1], records[3]]), ChainFailureReason.HeightSkipped, 502, 1);
        AssertFails(_fixture.Verify([records[1], records[0]]), ChainFailureReason.HeightSkipped, 501, 0);
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
        ChainRecord forged = ChainRecord.Commit(_fixture.Header.ChainId, records[1].Commitment, 503, orphan, entropy, selected, [.. selected.Select(i => _fixture.Leaves[i])]);
        AssertFails(_fixture.Verify([records[0], records[1], forged]), ChainFailureReason.BlockHashMismatch, 503, 2);

        // A gap for another block hash is rejected the same way.
        ChainRecord gap = ChainRecord.Gap(_fixture.Header.ChainId, records[1].Commitment, 503, orphan);
        AssertFails(_fixture.Verify([records[0], records[1], gap]), ChainFailureReason.BlockHashMismatch, 503, 2);
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
        ChainRecord noBeacon = ChainRecord.Commit(_fixture.Header.ChainId, records[2].Commitment, 504, _fixture.Blocks[504].BlockHash, withoutBeacon, selected, [.. selected.Select(i => _fixture.Leaves[i])]);
        AssertFails(_fixture.Verify([.. records, noBeacon]), ChainFailureReason.SelectionMismatch, 504, 3);

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
        ChainRecord chosen = ChainRecord.Commit(_fixture.Header.ChainId, honest.PreviousCommitment, honest.Height, honest.BlockHash,
            _fixture.Blocks[honest.Height].EntropyAt(honest.Height), convenient, [.. convenient.Select(i => _fixture.Leaves[i])]);
        AssertFails(_fixture.Verify([records[0], records[1], chosen]), ChainFailureReason.SelectionMismatch, honest.Height, 2);

        // The right indices, reordered.
        ImmutableArray<ulong> reversed = [.. honest.Indices.Reverse()];
        ChainRecord reordered = ChainRecord.Commit(_fixture.Header.ChainId, honest.PreviousCommitment, honest.Height, honest.BlockHash,
            _fixture.Blocks[honest.Height].EntropyAt(honest.Height), reversed, [.. honest.LeafHashes.Reverse()]);
        AssertFails(_fixture.Verify([records[0], records[1], reordered]), ChainFailureReason.SelectionMismatch, honest.Height, 2);

        // Selected against another previous commitment (say, precomputed on a fork) while the
        // record names the right link and commits consistently.
        Span<ulong> stale = stackalloc ulong[4];
        Hash32 entropy = _fixture.Blocks[honest.Height].EntropyAt(honest.Height);
        ChunkSelector.Select(entropy, _fixture.Header.ChainId, Sha256.Hash("fork head"u8), _fixture.Header.TotalChunks, 4, stale);
        ImmutableArray<ulong> staleIndices = [.. stale];
        ChainRecord precomputed = ChainRecord.Commit(_fixture.Header.ChainId, honest.PreviousCommitment, honest.Height, honest.BlockHash,
            entropy, staleIndices, [.. staleIndices.Select(i => _fixture.Leaves[i])]);
        AssertFails(_fixture.Verify([records[0], records[1], precomputed]), ChainFailureReason.SelectionMismatch, honest.Height, 2);

        // Too few chunks.
        ChainRecord fewer = new(ChainRecordKind.Commit, honest.Height, honest.BlockHash, honest.PreviousCommitment, honest.Indices[..3], honest.LeafHashes[..3], honest.Commitment);
        AssertFails(_fixture.Verify([records[0], records[1], fewer]), ChainFailureReason.WrongChunkCount, honest.Height, 2);
    }

    [Fact]
    public void Attack_TamperedCommitmentOrLeaf_IsACommitmentMismatch()
    {
        List<ChainRecord> records = _fixture.HonestChain(3);
        AssertFails(_fixture.Verify([records[0], WithCommitment(records[1], Sha256.Hash("x"u8)), records[2]]), ChainFailureReason.CommitmentMismatch, 502, 1);

        // A leaf hash swapped after committing.
        ChainRecord honest = records[1];
        ChainRecord swapped = new(honest.Kind, honest.Height, honest.BlockHash, honest.PreviousCommitment, honest.Indices, honest.LeafHashes.SetItem(0, Hash32.Zero), honest.Commitment);
        AssertFails(_fixture.Verify([records[0], swapped]), ChainFailureReason.CommitmentMismatch, 502, 1);

        // A gap record whose commitment is not the gap hash.
        List<ChainRecord> withGap = _fixture.HonestChain(2, 502);
        AssertFails(_fixture.Verify([withGap[0], WithCommitment(withGap[1], withGap[0].Commitment)]), ChainFailureReason.CommitmentMismatch, 502, 1);
    }

    [Fact]
    public void Attack_ForgedLeafHash_PassesWithoutPossession_FailsWithIt()
    {
        // A prover that lost chunk i commits to a made-up leaf for it. The commitment is
        // self-consistent, so only the possession check can catch it.
        List<ChainRecord> records = _fixture.HonestChain(3);
        ChainRecord honest = records[1];
        Hash32 forgedLeaf = Sha256.Hash("made-up leaf"u8);
        ChainRecord forged = ChainRecord.Commit(_fixture.Header.ChainId, honest.PreviousCommitment, honest.Height, honest.BlockHash,
            _fixture.Blocks[honest.Height].EntropyAt(honest.Height), honest.Indices, honest.LeafHashes.SetItem(2, forgedLeaf));
        List<ChainRecord> chain = [records[0], forged];
        Assert.True(_fixture.Verify(chain).IsValid);

        // With the real chunk bytes: they do not hash to the forged leaf.
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence = _fixture.Evidence(chain);
        AssertFails(_fixture.Verify(chain, evidence), ChainFailureReason.PossessionChunkMismatch, 502, 1);

        // With made-up bytes hashing to a made-up leaf: the leaf is not in the replica tree.
        byte[] fakeChunk = new byte[ProtocolConstants.ChunkSize];
        Hash32 fakeLeaf = TaggedHash.Compute(DomainTags.Leaf, fakeChunk);
        ChainRecord consistent = ChainRecord.Commit(_fixture.Header.ChainId, honest.PreviousCommitment, honest.Height, honest.BlockHash,
            _fixture.Blocks[honest.Height].EntropyAt(honest.Height), honest.Indices, honest.LeafHashes.SetItem(2, fakeLeaf));
        List<ChainRecord> chain2 = [records[0], consistent];
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence2 = _fixture.Evidence(chain2);
        ChunkEvidence real = evidence2[502][2];
        evidence2[502] = [.. evidence2[502].Take(2), real with { Chunk = fakeChunk }, .. evidence2[502].Skip(3)];
        AssertFails(_fixture.Verify(chain2, evidence2), ChainFailureReason.PossessionPathInvalid, 502, 1);
    }

    [Fact]
    public void Possession_EvidenceMustBeComplete_AndForTheSelectedChunks()
    {
        List<ChainRecord> records = _fixture.HonestChain(2);
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence = _fixture.Evidence(records);

        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> missing = new(evidence);
        missing.Remove(502);
        AssertFails(_fixture.Verify(records, missing), ChainFailureReason.PossessionMissing, 502, 1);

        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> short3 = new(evidence) { [502] = [.. evidence[502].Take(3)] };
        AssertFails(_fixture.Verify(records, short3), ChainFailureReason.PossessionIndexMismatch, 502, 1);

        // Evidence for another (held) chunk in place of a selected one.
        ulong other = Enumerable.Range(0, 300).Select(i => (ulong)i).First(i => !records[1].Indices.Contains(i));
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> substituted = new(evidence) { [502] = [_fixture.EvidenceFor(other), .. evidence[502].Skip(1)] };
        AssertFails(_fixture.Verify(records, substituted), ChainFailureReason.PossessionIndexMismatch, 502, 1);

        // The right chunk with another chunk's path (a path for the wrong position).
        ChunkEvidence first = evidence[502][0];
        ChunkEvidence wrongPath = first with { Path = [.. MerkleTree.BuildPath(_fixture.Leaves, (long)other)] };
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> badPath = new(evidence) { [502] = [wrongPath, .. evidence[502].Skip(1)] };
        AssertFails(_fixture.Verify(records, badPath), ChainFailureReason.PossessionPathInvalid, 502, 1);

        // A truncated chunk.
        ChunkEvidence truncated = first with { Chunk = first.Chunk[..4095] };
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> shortChunk = new(evidence) { [502] = [truncated, .. evidence[502].Skip(1)] };
        AssertFails(_fixture.Verify(records, shortChunk), ChainFailureReason.PossessionChunkMismatch, 502, 1);
    }

    [Fact]
    public void UnknownBlock_IsReported()
    {
        ChainFixture fixture = new(50);
        List<ChainRecord> records = fixture.HonestChain(3);
        fixture.Blocks.Remove(503);
        AssertFails(fixture.Verify(records), ChainFailureReason.UnknownBlock, 503, 2);
    }

    [Fact]
    public void Profile_Matters_AFourChunkChainIsNotAnEnhancedChain()
    {
        List<ChainRecord> records = _fixture.HonestChain(2);
        ChainVerificationResult result = ChainVerifier.Verify(_fixture.Header, ConsensusParameters.Enhanced, _fixture.Blocks, records);
        AssertFails(result, ChainFailureReason.WrongChunkCount, 501, 0);
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
