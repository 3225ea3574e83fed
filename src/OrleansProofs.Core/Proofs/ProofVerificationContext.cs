// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// What a verifier trusts when it checks a proof — all of it public and none of it from the proof:
/// the prover's public key, the network's consensus parameters, the layer-1 blocks, and optionally
/// the chain's registration (which pins the replica root and anchor) and the chain it asked about.
/// </summary>
public sealed record ProofVerificationContext(
    ProverPublicKey Prover,
    ConsensusParameters Parameters,
    IPublicBlockSource Blocks)
{
    /// <summary>The chain's registration as published by the network; when set, the proof's registration must equal it.</summary>
    public ChainHeader? RegisteredChain { get; init; }

    /// <summary>The chain the verifier asked about; when set, the proof must be about it.</summary>
    public Hash32? ExpectedChainId { get; init; }

    /// <summary>
    /// Iterated hashes this verifier already computed (shared across proofs of the same blocks); null to
    /// recompute every level of every proof. Results are identical either way.
    /// </summary>
    public IteratedHashCache? HierarchyCache { get; init; }

    /// <summary>Block signatures this verifier already verified (shared across proofs of the same blocks); null to verify each time.</summary>
    public SignatureCheckCache? SignatureCache { get; init; }
}
