// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// Builds the four proof formats on the prover's side from what it keeps: the chain's header and
/// records, the block's hierarchy path, and its signed block attestation. The builder checks the
/// inputs fit together (heights, the path's block, the attestation's root) so a prover never
/// publishes a proof its own verifier would reject for a wiring mistake.
/// </summary>
public static class ProofBuilder
{
    /// <summary>Builds a hierarchical path proof for the chain's record at the path's height.</summary>
    public static PathProof BuildPath(ChainRecord record, Hash32 chainId, HierarchyPath path, BlockAttestation attestation, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(path);
        EnsureSameBlock(record.Height, path, attestation);
        return new PathProof(chainId, record.Commitment, BlockSeal.From(attestation, signature), path);
    }

    /// <summary>Builds a compact proof over <paramref name="window"/> (consecutive records, oldest first, ending at the path's height).</summary>
    public static CompactProof BuildCompact(ChainHeader header, IReadOnlyList<ChainRecord> window, HierarchyPath path, BlockAttestation attestation, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(path);
        ProofWindow proofWindow = ProofWindow.FromRecords(window);
        EnsureSameBlock(proofWindow.LastHeight, path, attestation);
        return new CompactProof(ChainRegistration.From(header), proofWindow, BlockSeal.From(attestation, signature), path);
    }

    /// <summary>Builds a full proof: the compact proof plus every committed chunk opened from the replica.</summary>
    public static FullProof BuildFull(ChainHeader header, IReadOnlyList<ChainRecord> window, HierarchyPath path, BlockAttestation attestation, byte[] signature, IReplicaOpener replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        CompactProof compact = BuildCompact(header, window, path, attestation, signature);
        ImmutableArray<ChunkOpening>.Builder openings = ImmutableArray.CreateBuilder<ChunkOpening>();
        byte[] chunk = new byte[ProtocolConstants.ChunkSize];
        foreach (ChainRecord record in window)
        {
            foreach (ulong index in record.Indices)
            {
                replica.ReadChunk(index, chunk);
                openings.Add(new ChunkOpening([.. chunk], [.. replica.GetPath(index)]));
            }
        }

        return new FullProof(compact, openings.ToImmutable());
    }

    /// <summary>Builds the 136-byte claim for an auditor's <paramref name="nonce"/>.</summary>
    public static UltraCompactClaim BuildUltraCompact(ChainHeader header, ChainRecord record, HierarchyPath path, BlockAttestation attestation, AuditorNonce nonce)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(path);
        EnsureSameBlock(record.Height, path, attestation);
        if (attestation.TotalChains > uint.MaxValue)
        {
            throw Error.OutOfRange(nameof(attestation), attestation.TotalChains, $"total chains must fit the claim's u32 field (at most {uint.MaxValue})");
        }

        return new UltraCompactClaim(
            record.Commitment,
            record.Height - header.AnchorHeight,
            attestation.GlobalRoot,
            record.Height,
            HierarchyPosition.Compute(header.ChainId, path.GroupId, path.RegionId),
            (uint)attestation.TotalChains,
            attestation.Timestamp,
            nonce);
    }

    private static void EnsureSameBlock(ulong height, HierarchyPath path, BlockAttestation attestation)
    {
        if (path.Height != height || attestation.Height != height)
        {
            throw Error.Invalid(nameof(path), $"the record is at height {height}, the path at {path.Height} and the attestation at {attestation.Height}; all three must be the same block.");
        }

        if (path.BlockHash != attestation.BlockHash || path.TotalChains != attestation.TotalChains)
        {
            throw Error.Invalid(nameof(attestation), "the attestation's block hash and chain count must match the hierarchy path's.");
        }
    }
}
