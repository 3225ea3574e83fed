// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Protocol;

/// <summary>Why a chain failed verification: the first check that did not hold.</summary>
public enum ChainFailureReason
{
    /// <summary>No failure: the chain verified.</summary>
    None = 0,

    /// <summary>A record's height is past the next expected height: a block was skipped without a gap record.</summary>
    HeightSkipped,

    /// <summary>A record's height was already covered (duplicate, or records out of order).</summary>
    HeightAlreadyCovered,

    /// <summary>The public block data has no block at the record's height.</summary>
    UnknownBlock,

    /// <summary>The record's block hash is not the public block hash at its height.</summary>
    BlockHashMismatch,

    /// <summary>The record links to a previous commitment other than the chain's head.</summary>
    BrokenLink,

    /// <summary>A commit record holds a number of chunks other than k = min(chunks per block, total chunks).</summary>
    WrongChunkCount,

    /// <summary>The indices are not the selection recomputed from the block entropy, chain id and previous commitment.</summary>
    SelectionMismatch,

    /// <summary>The commitment is not the hash recomputed from the record's fields.</summary>
    CommitmentMismatch,

    /// <summary>Possession was required but no evidence was given for a commit record.</summary>
    PossessionMissing,

    /// <summary>The evidence does not name the record's indices, one per index, in order.</summary>
    PossessionIndexMismatch,

    /// <summary>The evidence's chunk is not 4,096 bytes.</summary>
    PossessionWrongChunkLength,

    /// <summary>
    /// The evidence's chunk is not the registered replica's chunk at its index: its leaf hash does not
    /// verify against the replica root with the given path (other bytes, another index, or a bad path).
    /// </summary>
    PossessionPathInvalid,

    /// <summary>
    /// The chunk is the replica's, but the access digest recomputed from it and the block's entropy is
    /// not the committed one: the prover did not commit to these bytes at this block.
    /// </summary>
    PossessionDigestMismatch,
}
