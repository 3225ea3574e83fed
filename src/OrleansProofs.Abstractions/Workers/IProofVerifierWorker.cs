// SPDX-License-Identifier: MIT

using Orleans.CodeGeneration;

namespace OrleansProofs.Abstractions.Workers;

/// <summary>
/// Verifies submitted proofs inside the cluster (a stateless worker: every silo runs as many as it
/// needs, so verification CPU spreads over silos and stays out of the gateway process). Public
/// data: this node's key and profile, the network's retained block records and, when the chain is
/// registered here, its pinned registration. Call it with key 0.
/// </summary>
[Alias("OrleansProofs.IProofVerifierWorker")]
[Version(1)]
public interface IProofVerifierWorker : IGrainWithIntegerKey
{
    /// <summary>Decodes and verifies one proof; a malformed or invalid proof is a failed outcome, never an exception.</summary>
    /// <exception cref="ArgumentException">The request lacks what its format needs (the expected chain id, nonce and reference path of an ultra-compact claim).</exception>
    [Alias("Verify")]
    Task<ProofVerificationOutcome> VerifyAsync(ProofVerificationRequest request);
}
