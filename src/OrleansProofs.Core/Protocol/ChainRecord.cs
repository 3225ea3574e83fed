// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// One block of a chain: a commitment to the chunks read at that block, or an explicit gap.
/// The record carries the previous commitment it links to, so a verifier reports a broken link as
/// such. Its shape is checked on construction; whether its values are right is the
/// <see cref="ChainVerifier"/>'s job (records are untrusted input).
/// </summary>
public sealed record ChainRecord
{
    /// <summary>Creates a record from stored or received fields, checking its shape only.</summary>
    /// <exception cref="ArgumentException">The shape does not fit the kind (a gap with indices, a commit without, or mismatched counts).</exception>
    public ChainRecord(
        ChainRecordKind kind,
        ulong height,
        Hash32 blockHash,
        Hash32 previousCommitment,
        ImmutableArray<ulong> indices,
        ImmutableArray<Hash32> accessDigests,
        Hash32 commitment)
    {
        indices = indices.IsDefault ? [] : indices;
        accessDigests = accessDigests.IsDefault ? [] : accessDigests;
        switch (kind)
        {
            case ChainRecordKind.Gap:
                if (!indices.IsEmpty)
                {
                    throw Error.Invalid(nameof(indices), $"a gap record has no indices; got {indices.Length}.");
                }

                if (!accessDigests.IsEmpty)
                {
                    throw Error.Invalid(nameof(accessDigests), $"a gap record has no access digests; got {accessDigests.Length}.");
                }

                break;
            case ChainRecordKind.Commit:
                if (indices.Length is < 1 or > ProtocolConstants.MaxChunksPerBlock)
                {
                    throw Error.OutOfRange(nameof(indices), indices.Length, $"a commit record holds between 1 and {ProtocolConstants.MaxChunksPerBlock} indices");
                }

                if (accessDigests.Length != indices.Length)
                {
                    throw Error.Invalid(nameof(accessDigests), $"must hold one access digest per index ({indices.Length}); got {accessDigests.Length}.");
                }

                break;
            default:
                throw Error.OutOfRange(nameof(kind), kind, "must be Commit (1) or Gap (2)");
        }

        Kind = kind;
        Height = height;
        BlockHash = blockHash;
        PreviousCommitment = previousCommitment;
        Indices = indices;
        AccessDigests = accessDigests;
        Commitment = commitment;
    }

    /// <summary>
    /// Builds a commit record from the access digests the prover computed at the block (one
    /// <see cref="AccessDigest"/> per selected chunk, over its stored bytes), computing its <see cref="AccessCommitment"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Counts are out of range or differ.</exception>
    public static ChainRecord Commit(
        in Hash32 chainId,
        in Hash32 previousCommitment,
        ulong height,
        in Hash32 blockHash,
        in Hash32 blockEntropy,
        ImmutableArray<ulong> indices,
        ImmutableArray<Hash32> accessDigests)
    {
        Hash32 commitment = AccessCommitment.Compute(chainId, previousCommitment, height, blockHash, blockEntropy, indices.AsSpan(), accessDigests.AsSpan());
        return new(ChainRecordKind.Commit, height, blockHash, previousCommitment, indices, accessDigests, commitment);
    }

    /// <summary>Builds a gap record, computing its <see cref="GapCommitment"/>.</summary>
    public static ChainRecord Gap(in Hash32 chainId, in Hash32 previousCommitment, ulong height, in Hash32 blockHash) =>
        new(ChainRecordKind.Gap, height, blockHash, previousCommitment, [], [], GapCommitment.Compute(chainId, previousCommitment, height, blockHash));

    /// <summary>Commit or gap.</summary>
    public ChainRecordKind Kind { get; }

    /// <summary>The layer-1 block height.</summary>
    public ulong Height { get; }

    /// <summary>The layer-1 block hash at <see cref="Height"/>.</summary>
    public Hash32 BlockHash { get; }

    /// <summary>The commitment this record links to (the anchored commitment for the first block).</summary>
    public Hash32 PreviousCommitment { get; }

    /// <summary>Selected chunk indices in selection order; empty for a gap.</summary>
    public ImmutableArray<ulong> Indices { get; }

    /// <summary>
    /// <see cref="AccessDigest"/> of each selected chunk at this block, aligned with <see cref="Indices"/>;
    /// empty for a gap. Checkable against chunk bytes only (possession evidence), not on its own.
    /// </summary>
    public ImmutableArray<Hash32> AccessDigests { get; }

    /// <summary>The record's commitment: the next block's previous commitment.</summary>
    public Hash32 Commitment { get; }

    /// <inheritdoc/>
    public bool Equals(ChainRecord? other) =>
        other is not null &&
        Kind == other.Kind &&
        Height == other.Height &&
        BlockHash == other.BlockHash &&
        PreviousCommitment == other.PreviousCommitment &&
        Commitment == other.Commitment &&
        Indices.AsSpan().SequenceEqual(other.Indices.AsSpan()) &&
        AccessDigests.AsSpan().SequenceEqual(other.AccessDigests.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Height, Commitment);
}
