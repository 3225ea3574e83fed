// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
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
}
