// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Parameters;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// Re-verifies a chain from public data only: the anchored header, the layer-1 blocks (hash and
/// optional beacon per height) and the consensus parameters. Nothing the prover reports about
/// itself is trusted; for each record, in order, it checks:
/// <list type="number">
/// <item>sequence: heights run consecutively from the anchor height + 1, each exactly once (a commit
/// or a gap); no skipping, no duplicates, no reordering;</item>
/// <item>block: the record's block hash is the public one at its height;</item>
/// <item>link: the record's previous commitment is the chain's head (the anchored commitment first);</item>
/// <item>selection: the indices are the recomputed selection, k of them, in draw order (commits);</item>
/// <item>commitment: the access or gap commitment recomputed from the checked fields;</item>
/// <item>possession (when evidence is given): each chunk is 4,096 bytes; its leaf hash verifies against
/// the replica root at its index (the bytes belong to the registered replica); and its access digest,
/// recomputed with the block's entropy, is the committed one (the prover committed to these bytes at
/// that block).</item>
/// </list>
/// Without evidence the access digests cannot be checked (they need the bytes); everything else is.
/// Protocol failures come back as a <see cref="ChainVerificationResult"/>; only misuse (null
/// arguments, invalid parameters) throws.
/// </summary>
public static class ChainVerifier
{
    /// <summary>Verifies <paramref name="records"/> against the chain's header and the public block data.</summary>
    /// <param name="header">The chain's header (its anchored commitment is the genesis).</param>
    /// <param name="parameters">The consensus parameters the chain runs under (chunks per block).</param>
    /// <param name="blocks">Public block data by height.</param>
    /// <param name="records">The chain's records, in order, starting at the first height after the anchor.</param>
    /// <param name="possession">
    /// Optional possession evidence by height. When given, every commit record must have evidence for
    /// each of its indices, in order.
    /// </param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The parameters are invalid, or <paramref name="records"/> holds a null.</exception>
    public static ChainVerificationResult Verify(
        ChainHeader header,
        ConsensusParameters parameters,
        IReadOnlyDictionary<ulong, BlockData> blocks,
        IEnumerable<ChainRecord> records,
        IReadOnlyDictionary<ulong, IReadOnlyList<ChunkEvidence>>? possession = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(records);
        parameters.EnsureValid();

        int k = ChunkSelector.SelectionCount(header.TotalChunks, parameters.ChunksPerBlock);
        Span<ulong> expectedIndices = stackalloc ulong[ProtocolConstants.MaxChunksPerBlock];
        Hash32 head = header.AnchoredCommitment;
        ulong headHeight = header.AnchorHeight;
        int commits = 0;
        int gaps = 0;
        int position = -1;

        foreach (ChainRecord record in records)
        {
            position++;
            if (record is null)
            {
                throw Error.Invalid(nameof(records), $"record {position} is null.");
            }

            ulong height = checked(headHeight + 1);
            if (record.Height != height)
            {
                return record.Height > height
                    ? Fail(ChainFailureReason.HeightSkipped, height,
                        $"the next record must be at height {height}; record {position} is at height {record.Height} (a missed block needs a gap record).")
                    : Fail(ChainFailureReason.HeightAlreadyCovered, height,
                        $"the next record must be at height {height}; record {position} repeats height {record.Height}, which is already covered.");
            }

            if (!blocks.TryGetValue(height, out BlockData block))
            {
                return Fail(ChainFailureReason.UnknownBlock, height, $"no public block data at height {height}.");
            }

            if (record.BlockHash != block.BlockHash)
            {
                return Fail(ChainFailureReason.BlockHashMismatch, height,
                    $"the block hash at height {height} is {block.BlockHash}; the record has {record.BlockHash}.");
            }

            if (record.PreviousCommitment != head)
            {
                return Fail(ChainFailureReason.BrokenLink, height,
                    $"the record must link to the head {head}; it links to {record.PreviousCommitment}.");
            }

            if (record.Kind == ChainRecordKind.Gap)
            {
                Hash32 gap = GapCommitment.Compute(header.ChainId, head, height, block.BlockHash);
                if (record.Commitment != gap)
                {
                    return Fail(ChainFailureReason.CommitmentMismatch, height,
                        $"the gap commitment recomputes to {gap}; the record has {record.Commitment}.");
                }

                gaps++;
            }
            else
            {
                if (record.Indices.Length != k)
                {
                    return Fail(ChainFailureReason.WrongChunkCount, height,
                        $"k = min({parameters.ChunksPerBlock}, {header.TotalChunks}) = {k} chunks are required; the record has {record.Indices.Length}.");
                }

                Hash32 entropy = block.EntropyAt(height);
                ChunkSelector.Select(entropy, header.ChainId, head, header.TotalChunks, parameters.ChunksPerBlock, expectedIndices);
                if (!expectedIndices[..k].SequenceEqual(record.Indices.AsSpan()))
                {
                    return Fail(ChainFailureReason.SelectionMismatch, height,
                        $"the selection is [{string.Join(", ", expectedIndices[..k].ToArray())}]; the record has [{string.Join(", ", record.Indices)}].");
                }

                Hash32 commitment = AccessCommitment.Compute(header.ChainId, head, height, block.BlockHash, entropy, record.Indices.AsSpan(), record.AccessDigests.AsSpan());
                if (record.Commitment != commitment)
                {
                    return Fail(ChainFailureReason.CommitmentMismatch, height,
                        $"the access commitment recomputes to {commitment}; the record has {record.Commitment}.");
                }

                if (possession is not null)
                {
                    (ChainFailureReason reason, string detail) = CheckPossession(header, record, entropy, possession);
                    if (reason != ChainFailureReason.None)
                    {
                        return Fail(reason, height, detail);
                    }
                }

                commits++;
            }

            head = record.Commitment;
            headHeight = height;
        }

        return ChainVerificationResult.Valid(commits, gaps, headHeight, head);

        ChainVerificationResult Fail(ChainFailureReason reason, ulong height, string detail) =>
            ChainVerificationResult.Failed(reason, commits, gaps, headHeight, head, height, position, detail);
    }

    private static (ChainFailureReason Reason, string Detail) CheckPossession(
        ChainHeader header,
        ChainRecord record,
        in Hash32 entropy,
        IReadOnlyDictionary<ulong, IReadOnlyList<ChunkEvidence>> possession)
    {
        if (!possession.TryGetValue(record.Height, out IReadOnlyList<ChunkEvidence>? evidence) || evidence is null)
        {
            return (ChainFailureReason.PossessionMissing, $"no possession evidence for the commit at height {record.Height}.");
        }

        if (evidence.Count != record.Indices.Length)
        {
            return (ChainFailureReason.PossessionIndexMismatch,
                $"evidence must cover the {record.Indices.Length} selected chunks; it covers {evidence.Count}.");
        }

        for (int i = 0; i < evidence.Count; i++)
        {
            ChunkEvidence? item = evidence[i];
            ulong index = record.Indices[i];
            if (item is null || item.Index != index)
            {
                return (ChainFailureReason.PossessionIndexMismatch,
                    $"evidence {i} must be for chunk {index}; it is for {(item is null ? "nothing (null)" : item.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))}.");
            }

            ReadOnlySpan<byte> chunk = item.Chunk.Span;
            if (chunk.Length != ProtocolConstants.ChunkSize)
            {
                return (ChainFailureReason.PossessionWrongChunkLength,
                    $"chunk {index} must be {ProtocolConstants.ChunkSize} bytes; got {chunk.Length}.");
            }

            // The bytes belong to the registered replica, at this index.
            Hash32 leaf = TaggedHash.Compute(DomainTags.Leaf, chunk);
            if (!MerkleTree.VerifyPath(leaf, (long)index, (long)header.TotalChunks, item.Path.AsSpan(), header.ReplicaRoot))
            {
                return (ChainFailureReason.PossessionPathInvalid,
                    $"the chunk given for index {index} hashes to leaf {leaf}, which does not verify against the replica root {header.ReplicaRoot} at index {index} with the given path ({item.Path.Length} siblings).");
            }

            // The prover committed to these bytes with this block's entropy.
            Hash32 digest = AccessDigest.Compute(entropy, header.ChainId, index, chunk);
            if (digest != record.AccessDigests[i])
            {
                return (ChainFailureReason.PossessionDigestMismatch,
                    $"chunk {index} is the replica's, and its access digest at height {record.Height} is {digest}; the record commits to {record.AccessDigests[i]} (not computed over these bytes with this block's entropy).");
            }
        }

        return (ChainFailureReason.None, string.Empty);
    }
}
