// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// Verifies the possession check against provers that did not hold the selected bytes at block time:
/// a prover keeping only the leaf hashes, one reading another replica's bytes, one replaying a digest
/// from an earlier block (or computed before the beacon was known), and one answering with the right
/// bytes at the wrong index. Each commits self-consistently, so it verifies without evidence, and each
/// is caught with evidence by exactly one check (the replica path or the access digest); plus the
/// shape rules of the evidence itself.
/// </summary>
public sealed class PossessionTests
{
    private readonly ChainFixture _fixture = new(chunkCount: 300);

    /// <summary>The record <paramref name="honest"/> re-committed with other access digests (all else unchanged).</summary>
    private static ChainRecord Recommit(ChainFixture fixture, ChainRecord honest, ImmutableArray<Hash32> digests) =>
        ChainRecord.Commit(fixture.Header.ChainId, honest.PreviousCommitment, honest.Height, honest.BlockHash,
            fixture.EntropyAt(honest.Height), honest.Indices, digests);

    /// <summary>A copy of <paramref name="evidence"/> whose entry <paramref name="slot"/> at <paramref name="height"/> is <paramref name="item"/>.</summary>
    private static Dictionary<ulong, IReadOnlyList<ChunkEvidence>> With(
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence, ulong height, int slot, ChunkEvidence item)
    {
        List<ChunkEvidence> items = [.. evidence[height]];
        items[slot] = item;
        return new(evidence) { [height] = items };
    }

    [Fact]
    public void Attack_LeafOnlyProver_CannotCommitVerifiably()
    {
        // The prover kept the 32-byte leaves (0.8 % of the replica) and dropped the bytes. At block 502
        // it knows the selection and the leaves, but the digests need bytes: it hashes zeros instead.
        List<ChainRecord> honest = _fixture.HonestChain(2);
        ChainRecord record = honest[1];
        Hash32 entropy = _fixture.EntropyAt(record.Height);
        byte[] zeros = new byte[ProtocolConstants.ChunkSize];
        ChainRecord guessed = Recommit(_fixture, record, [.. record.Indices.Select(i => AccessDigest.Compute(entropy, _fixture.Header.ChainId, i, zeros))]);
        List<ChainRecord> chain = [honest[0], guessed];

        // Selection, link, height and commitment all hold: without bytes nobody can tell.
        Assert.True(_fixture.Verify(chain).IsValid);

        // Asked for possession later, it fetches the real bytes (say, from the data owner): they are
        // the replica's chunks, so the path holds, but they are not what it committed to at 502.
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence = _fixture.Evidence(chain);
        ChainVerificationResult result = _fixture.Verify(chain, evidence);
        ChainFixture.AssertFails(result, ChainFailureReason.PossessionDigestMismatch, 502, 1);
        Assert.Contains(record.Indices[0].ToString(System.Globalization.CultureInfo.InvariantCulture), result.Detail, StringComparison.Ordinal);

        // Showing the bytes it did hash instead: zeros are not the replica's chunk.
        ChunkEvidence zeroBytes = evidence[502][0] with { Chunk = zeros };
        ChainFixture.AssertFails(_fixture.Verify(chain, With(evidence, 502, 0, zeroBytes)), ChainFailureReason.PossessionPathInvalid, 502, 1);

        // Committing the leaf hashes themselves (the superseded layout) is caught the same way.
        ChainRecord leafCommit = Recommit(_fixture, record, [.. record.Indices.Select(i => _fixture.Leaves[i])]);
        Assert.True(_fixture.Verify([honest[0], leafCommit]).IsValid);
        ChainFixture.AssertFails(_fixture.Verify([honest[0], leafCommit], evidence), ChainFailureReason.PossessionDigestMismatch, 502, 1);

        // The honest record with the same evidence verifies.
        Assert.True(_fixture.Verify(honest, evidence).IsValid);
    }

    [Fact]
    public void Attack_BytesFromAnotherReplica_FailThePathCheck()
    {
        // The prover dropped its replica and reads another prover's replica at block time (the
        // deduplication the prover-specific encoding exists to stop). Its digests are honestly
        // computed over those bytes with its own chain's entropy, id and indices, so only the replica
        // path can reject them.
        ChainFixture otherReplica = new(chunkCount: 300, seed: 2);
        List<ChainRecord> honest = _fixture.HonestChain(2);
        ChainRecord record = honest[1];
        Hash32 entropy = _fixture.EntropyAt(record.Height);
        ChainRecord borrowed = Recommit(_fixture, record, [.. record.Indices.Select(i => AccessDigest.Compute(entropy, _fixture.Header.ChainId, i, otherReplica.Chunks[i]))]);
        List<ChainRecord> chain = [honest[0], borrowed];
        Assert.True(_fixture.Verify(chain).IsValid);

        ulong index = record.Indices[0];
        Assert.False(otherReplica.Chunks[index].AsSpan().SequenceEqual(_fixture.Chunks[index]));
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence = _fixture.Evidence(chain);

        // The other replica's bytes with their own path (to the other root).
        ChainFixture.AssertFails(_fixture.Verify(chain, With(evidence, 502, 0, otherReplica.EvidenceFor(index))), ChainFailureReason.PossessionPathInvalid, 502, 1);

        // The other replica's bytes with this replica's path.
        ChunkEvidence mixed = _fixture.EvidenceFor(index) with { Chunk = otherReplica.Chunks[index] };
        ChainFixture.AssertFails(_fixture.Verify(chain, With(evidence, 502, 0, mixed)), ChainFailureReason.PossessionPathInvalid, 502, 1);
    }

    [Fact]
    public void Attack_DigestReplayedFromAnEarlierBlock_IsRejected()
    {
        // Six chunks, four per block: two blocks always share a selected chunk. The prover read chunk
        // i at 501, lost it, and at 502 replays its 501 digest of i.
        ChainFixture fixture = new(chunkCount: 6, seed: 6);
        List<ChainRecord> honest = fixture.HonestChain(2);
        ulong index = honest[1].Indices.First(honest[0].Indices.Contains);
        int slot = honest[1].Indices.IndexOf(index);
        Hash32 old = honest[0].AccessDigests[honest[0].Indices.IndexOf(index)];
        Assert.Equal(AccessDigest.Compute(fixture.EntropyAt(501), fixture.Header.ChainId, index, fixture.Chunks[index]), old);
        ChainRecord replayed = Recommit(fixture, honest[1], honest[1].AccessDigests.SetItem(slot, old));
        List<ChainRecord> chain = [honest[0], replayed];
        Assert.True(fixture.Verify(chain).IsValid);

        // The bytes are right and the path holds; the digest is 501's, not 502's.
        ChainVerificationResult result = fixture.Verify(chain, fixture.Evidence(chain));
        ChainFixture.AssertFails(result, ChainFailureReason.PossessionDigestMismatch, 502, 1);
        Assert.Contains(old.ToString(), result.Detail, StringComparison.Ordinal);
        Assert.True(fixture.Verify(honest, fixture.Evidence(honest)).IsValid);
    }

    [Fact]
    public void Attack_DigestsComputedBeforeTheBeacon_AreRejected()
    {
        // Height 504 has a beacon. A prover that computed its digests from the block hash alone (say,
        // before the beacon was published) but the selection correctly is caught by the digests.
        List<ChainRecord> honest = _fixture.HonestChain(4);
        ChainRecord record = honest[3];
        Assert.Equal(504UL, record.Height);
        Assert.NotNull(_fixture.Blocks[504].Beacon);
        Hash32 withoutBeacon = BlockEntropy.Compute(_fixture.Blocks[504].BlockHash, null, 504);
        ChainRecord early = Recommit(_fixture, record, _fixture.Digests(withoutBeacon, record.Indices));
        List<ChainRecord> chain = [.. honest[..3], early];
        Assert.True(_fixture.Verify(chain).IsValid);
        ChainFixture.AssertFails(_fixture.Verify(chain, _fixture.Evidence(chain)), ChainFailureReason.PossessionDigestMismatch, 504, 3);
    }

    [Fact]
    public void Attack_RightBytesAtTheWrongIndex_AreRejected()
    {
        // The prover lost selected chunk i and still holds chunk j, a real chunk of its replica.
        List<ChainRecord> honest = _fixture.HonestChain(2);
        ChainRecord record = honest[1];
        Hash32 entropy = _fixture.EntropyAt(record.Height);
        ulong i = record.Indices[0];
        ulong j = Enumerable.Range(0, 300).Select(x => (ulong)x).First(x => !record.Indices.Contains(x));
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> honestEvidence = _fixture.Evidence(honest);

        // It commits slot i over chunk j's bytes (with index i) and shows chunk j's bytes for i,
        // with j's path or with i's path: the bytes are not the replica's chunk at i.
        ChainRecord substituted = Recommit(_fixture, record, record.AccessDigests.SetItem(0, AccessDigest.Compute(entropy, _fixture.Header.ChainId, i, _fixture.Chunks[j])));
        List<ChainRecord> chain = [honest[0], substituted];
        Assert.True(_fixture.Verify(chain).IsValid);
        ChunkEvidence withPathOfJ = new(i, _fixture.Chunks[j], [.. MerkleTree.BuildPath(_fixture.Leaves, (long)j)]);
        ChainFixture.AssertFails(_fixture.Verify(chain, With(honestEvidence, 502, 0, withPathOfJ)), ChainFailureReason.PossessionPathInvalid, 502, 1);
        ChunkEvidence withPathOfI = _fixture.EvidenceFor(i) with { Chunk = _fixture.Chunks[j] };
        ChainFixture.AssertFails(_fixture.Verify(chain, With(honestEvidence, 502, 0, withPathOfI)), ChainFailureReason.PossessionPathInvalid, 502, 1);

        // It fills slot i with chunk j's own digest (index j), then shows the real chunk i fetched
        // later: the digest binds the index, so it is not i's.
        ChainRecord ownDigest = Recommit(_fixture, record, record.AccessDigests.SetItem(0, AccessDigest.Compute(entropy, _fixture.Header.ChainId, j, _fixture.Chunks[j])));
        ChainFixture.AssertFails(_fixture.Verify([honest[0], ownDigest], honestEvidence), ChainFailureReason.PossessionDigestMismatch, 502, 1);

        // Two selected chunks' digests swapped: each is a real digest at this block, in the wrong slot.
        ChainRecord swapped = Recommit(_fixture, record, [record.AccessDigests[1], record.AccessDigests[0], .. record.AccessDigests[2..]]);
        ChainFixture.AssertFails(_fixture.Verify([honest[0], swapped], honestEvidence), ChainFailureReason.PossessionDigestMismatch, 502, 1);
    }

    [Fact]
    public void Evidence_MustBeComplete_ForTheSelectedChunks_AndWholeChunks()
    {
        List<ChainRecord> records = _fixture.HonestChain(2);
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence = _fixture.Evidence(records);
        Assert.True(_fixture.Verify(records, evidence).IsValid);

        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> missing = new(evidence);
        missing.Remove(502);
        ChainFixture.AssertFails(_fixture.Verify(records, missing), ChainFailureReason.PossessionMissing, 502, 1);

        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> short3 = new(evidence) { [502] = [.. evidence[502].Take(3)] };
        ChainFixture.AssertFails(_fixture.Verify(records, short3), ChainFailureReason.PossessionIndexMismatch, 502, 1);

        // Evidence for another (held) chunk in place of a selected one.
        ulong other = Enumerable.Range(0, 300).Select(i => (ulong)i).First(i => !records[1].Indices.Contains(i));
        ChainFixture.AssertFails(_fixture.Verify(records, With(evidence, 502, 0, _fixture.EvidenceFor(other))), ChainFailureReason.PossessionIndexMismatch, 502, 1);

        // The right chunk with another chunk's path (a path for the wrong position).
        ChunkEvidence first = evidence[502][0];
        ChunkEvidence wrongPath = first with { Path = [.. MerkleTree.BuildPath(_fixture.Leaves, (long)other)] };
        ChainFixture.AssertFails(_fixture.Verify(records, With(evidence, 502, 0, wrongPath)), ChainFailureReason.PossessionPathInvalid, 502, 1);

        // A truncated or an extended chunk.
        ChunkEvidence truncated = first with { Chunk = first.Chunk[..4095] };
        ChainFixture.AssertFails(_fixture.Verify(records, With(evidence, 502, 0, truncated)), ChainFailureReason.PossessionWrongChunkLength, 502, 1);
        ChunkEvidence extended = first with { Chunk = (byte[])[.. first.Chunk.Span, 0] };
        ChainFixture.AssertFails(_fixture.Verify(records, With(evidence, 502, 0, extended)), ChainFailureReason.PossessionWrongChunkLength, 502, 1);
    }
}
