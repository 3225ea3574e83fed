// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// Verifies the four proof formats by recomputing every value from public data: block entropy and
/// chunk selections from the layer-1 blocks, commitments and links from the window, the global root
/// from the hierarchy path, the signature with the prover's key, and (full proofs) leaves, replica
/// paths and access digests from the chunk bytes. Nothing the prover reports about itself is taken
/// on trust; every failure names the check, the field and the values.
/// </summary>
public static class ProofVerifier
{
    /// <summary>Decodes and verifies a proof of any envelope format (path, compact, full).</summary>
    public static ProofVerificationResult Verify(ProofFormat format, ReadOnlySpan<byte> encoded, ProofVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return format switch
            {
                ProofFormat.Path => VerifyPath(PathProof.Decode(encoded), context),
                ProofFormat.Compact => VerifyCompact(CompactProof.Decode(encoded), context),
                ProofFormat.Full => VerifyFull(FullProof.Decode(encoded), context),
                _ => ProofVerificationResult.Fail(ProofFailure.Malformed,
                    "an ultra-compact claim is verified against a path proof and an auditor nonce (VerifyUltraCompact), not on its own."),
            };
        }
        catch (FormatException error)
        {
            return ProofVerificationResult.Fail(ProofFailure.Malformed, error.Message);
        }
    }

    /// <summary>Verifies a hierarchical path proof.</summary>
    public static ProofVerificationResult VerifyPath(PathProof proof, ProofVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(context);
        if (context.ExpectedChainId is { } expected && expected != proof.ChainId)
        {
            return ProofVerificationResult.Fail(ProofFailure.ChainMismatch, $"the proof is about chain {proof.ChainId}, not the requested {expected}.", proof.ChainId, proof.Height);
        }

        if (context.RegisteredChain is { } registered && registered.ChainId != proof.ChainId)
        {
            return ProofVerificationResult.Fail(ProofFailure.ChainMismatch, $"the proof is about chain {proof.ChainId}, not the registered {registered.ChainId}.", proof.ChainId, proof.Height);
        }

        return VerifySealedPath(proof.ChainId, proof.Commitment, proof.Seal, proof.Path, context);
    }

    /// <summary>Verifies a compact proof.</summary>
    public static ProofVerificationResult VerifyCompact(CompactProof proof, ProofVerificationContext context) =>
        VerifyCompactCore(proof, context, openings: null);

    /// <summary>Verifies a full proof: everything a compact proof checks, plus possession of every selected chunk.</summary>
    public static ProofVerificationResult VerifyFull(FullProof proof, ProofVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return VerifyCompactCore(proof.Compact, context, proof.Openings);
    }

    /// <summary>
    /// Verifies an ultra-compact claim: <paramref name="pathProof"/> (for the same chain and height)
    /// is verified in full first, then every field of the claim must equal the value it implies, the
    /// chain length must follow from the registered anchor, and the nonce must be the auditor's own.
    /// </summary>
    public static ProofVerificationResult VerifyUltraCompact(
        UltraCompactClaim claim, PathProof pathProof, AuditorNonce expectedNonce, ProofVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(pathProof);
        ArgumentNullException.ThrowIfNull(context);
        if (context.RegisteredChain is not { } registered)
        {
            return ProofVerificationResult.Fail(ProofFailure.ChainMismatch, "an ultra-compact claim needs the chain's registration to check chain_length against its anchor.");
        }

        ProofVerificationResult pathResult = VerifyPath(pathProof, context);
        if (!pathResult.IsValid)
        {
            return pathResult;
        }

        HierarchyPath path = pathProof.Path;
        Hash32 globalRoot = ComputeGlobalRoot(pathProof.ChainId, pathProof.Commitment, path, context, out _);
        ulong height = path.Height;
        string? mismatch =
            claim.ChainHead != pathProof.Commitment ? Field("chain_head", claim.ChainHead, pathProof.Commitment)
            : claim.ChainLength != height - registered.AnchorHeight ? Field("chain_length", claim.ChainLength, height - registered.AnchorHeight)
            : claim.GlobalRoot != globalRoot ? Field("global_root", claim.GlobalRoot, globalRoot)
            : claim.GlobalHeight != height ? Field("global_height", claim.GlobalHeight, height)
            : claim.Position != HierarchyPosition.Compute(pathProof.ChainId, path.GroupId, path.RegionId)
                ? Field("position", claim.Position, HierarchyPosition.Compute(pathProof.ChainId, path.GroupId, path.RegionId))
            : claim.TotalChains != path.TotalChains ? Field("total_chains", claim.TotalChains, path.TotalChains)
            : claim.Timestamp != pathProof.Seal.Timestamp ? Field("timestamp", claim.Timestamp, pathProof.Seal.Timestamp)
            : claim.Nonce != expectedNonce ? Field("nonce", claim.Nonce, expectedNonce)
            : null;
        return mismatch is null
            ? ProofVerificationResult.Valid(pathProof.ChainId, height)
            : ProofVerificationResult.Fail(ProofFailure.ClaimMismatch, mismatch, pathProof.ChainId, height);

        static string Field(string name, object claimed, object expected) => $"claim field {name} is {claimed}; the verified data gives {expected}.";
    }

    private static ProofVerificationResult VerifyCompactCore(CompactProof proof, ProofVerificationContext context, IReadOnlyList<ChunkOpening>? openings)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(context);
        ulong height = proof.Height;

        ChainHeader header;
        try
        {
            header = proof.Registration.ToHeader(context.Prover);
        }
        catch (ArgumentException error)
        {
            return ProofVerificationResult.Fail(ProofFailure.ChainMismatch, $"the proof's registration fields are invalid: {error.Message}", height: height);
        }

        Hash32 chainId = header.ChainId;
        if (context.ExpectedChainId is { } expected && expected != chainId)
        {
            return ProofVerificationResult.Fail(ProofFailure.ChainMismatch,
                $"the registration gives chain {chainId} under this prover's key, not the requested {expected}.", chainId, height);
        }

        if (context.RegisteredChain is { } registered && ChainRegistration.FirstDifference(header, registered) is { } difference)
        {
            return ProofVerificationResult.Fail(ProofFailure.ChainMismatch, difference, chainId, height);
        }

        ProofWindow window = proof.Window;
        if (window.Entries.Length > context.Parameters.ProofWindowBlocks)
        {
            return ProofVerificationResult.Fail(ProofFailure.WindowInvalid,
                $"the window holds {window.Entries.Length} blocks; the profile's proof window is {context.Parameters.ProofWindowBlocks}.", chainId, height);
        }

        if (window.FirstHeight < header.FirstHeight)
        {
            return ProofVerificationResult.Fail(ProofFailure.WindowInvalid,
                $"the window starts at height {window.FirstHeight}, before the chain's first block {header.FirstHeight}.", chainId, height);
        }

        if (window.FirstHeight == header.FirstHeight && window.StartCommitment != header.AnchoredCommitment)
        {
            return ProofVerificationResult.Fail(ProofFailure.BrokenLink,
                $"the window starts at the anchor, so its start commitment must be the anchored commitment {header.AnchoredCommitment}; got {window.StartCommitment}.", chainId, height);
        }

        int k = ChunkSelector.SelectionCount(header.TotalChunks, context.Parameters.ChunksPerBlock);
        Span<ulong> indices = stackalloc ulong[ProtocolConstants.MaxChunksPerBlock];
        Hash32 commitment = window.StartCommitment;
        int opened = 0;
        for (int i = 0; i < window.Entries.Length; i++)
        {
            ulong h = window.FirstHeight + (ulong)i;
            WindowEntry entry = window.Entries[i];
            if (context.Blocks.Get(h) is not { } block)
            {
                return ProofVerificationResult.Fail(ProofFailure.UnknownBlock, $"no public block is known at height {h} (window entry {i}).", chainId, height);
            }

            if (entry.IsGap)
            {
                commitment = GapCommitment.Compute(chainId, commitment, h, block.BlockHash);
                continue;
            }

            if (entry.AccessDigests.Length != k)
            {
                return ProofVerificationResult.Fail(ProofFailure.WindowInvalid,
                    $"window entry {i} (height {h}) holds {entry.AccessDigests.Length} digests; the profile selects {k} of {header.TotalChunks} chunks.", chainId, height);
            }

            Hash32 entropy = block.Entropy;
            ChunkSelector.Select(entropy, chainId, commitment, header.TotalChunks, context.Parameters.ChunksPerBlock, indices);
            if (openings is not null)
            {
                for (int j = 0; j < k; j++, opened++)
                {
                    if (CheckOpening(openings[opened], indices[j], entry.AccessDigests[j], entropy, header) is { } failure)
                    {
                        return ProofVerificationResult.Fail(ProofFailure.PossessionFailed,
                            $"window entry {i} (height {h}), chunk {indices[j]}: {failure}", chainId, height);
                    }
                }
            }

            commitment = AccessCommitment.Compute(chainId, commitment, h, block.BlockHash, entropy, indices[..k], entry.AccessDigests.AsSpan());
        }

        return VerifySealedPath(chainId, commitment, proof.Seal, proof.Path, context);
    }

    private static string? CheckOpening(ChunkOpening opening, ulong index, in Hash32 committedDigest, in Hash32 entropy, ChainHeader header)
    {
        ReadOnlySpan<byte> chunk = opening.Chunk.AsSpan();
        Hash32 leaf = TaggedHash.Compute(DomainTags.Leaf, chunk);
        if (!MerkleTree.VerifyPath(leaf, (long)index, (long)header.TotalChunks, opening.Path.AsSpan(), header.ReplicaRoot))
        {
            return $"the chunk's leaf {leaf} does not verify against the registered replica root {header.ReplicaRoot} at index {index}.";
        }

        Hash32 digest = AccessDigest.Compute(entropy, header.ChainId, index, chunk);
        return digest == committedDigest
            ? null
            : $"the access digest of the opened bytes is {digest}, but the chain committed {committedDigest} at this block.";
    }

    private static ProofVerificationResult VerifySealedPath(Hash32 chainId, Hash32 commitment, BlockSeal seal, HierarchyPath path, ProofVerificationContext context)
    {
        ulong height = path.Height;
        if (context.Blocks.Get(height) is not { } block)
        {
            return ProofVerificationResult.Fail(ProofFailure.UnknownBlock, $"no public block is known at the proof's height {height}.", chainId, height);
        }

        if (path.BlockHash != block.BlockHash)
        {
            return ProofVerificationResult.Fail(ProofFailure.BlockMismatch,
                $"the path's block hash at height {height} is {path.BlockHash}; the layer-1 block hash is {block.BlockHash}.", chainId, height);
        }

        if (block.Timestamp is { } timestamp && timestamp != seal.Timestamp)
        {
            return ProofVerificationResult.Fail(ProofFailure.BlockMismatch,
                $"the attested timestamp at height {height} is {seal.Timestamp}; the layer-1 block's is {timestamp}.", chainId, height);
        }

        Hash32 globalRoot = ComputeGlobalRoot(chainId, commitment, path, context, out HierarchyVerificationResult shape);
        if (!shape.IsValid)
        {
            return ProofVerificationResult.Fail(ProofFailure.HierarchyMismatch, shape.ToString(), chainId, height);
        }

        BlockAttestation attestation = seal.ToAttestation(height, block.BlockHash, globalRoot, path.TotalChains);
        return attestation.VerifySignature(context.Prover, seal.Signature, context.SignatureCache)
            ? ProofVerificationResult.Valid(chainId, height)
            : ProofVerificationResult.Fail(ProofFailure.BadSignature,
                $"the prover's signature does not verify over the block attestation at height {height} with the recomputed global root {globalRoot}.", chainId, height);
    }

    private static Hash32 ComputeGlobalRoot(in Hash32 chainId, in Hash32 commitment, HierarchyPath path, ProofVerificationContext context, out HierarchyVerificationResult shape)
    {
        shape = HierarchyPathVerifier.TryComputeGlobalRoot(path, chainId, path.Height, commitment, context.Parameters.ToHierarchyParameters(), context.HierarchyCache, out Hash32 root);
        return root;
    }
}
