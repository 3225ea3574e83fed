// SPDX-License-Identifier: MIT

using Orleans.CodeGeneration;

namespace OrleansProofs.Abstractions.Workers;

/// <summary>
/// Verifies VDF proofs with Core's VdfVerifier by sampled segment re-execution (a stateless
/// worker: memory-hard re-execution is the heaviest verification, so it runs wherever a silo has
/// room). Call it with key 0.
/// </summary>
[Alias("OrleansProofs.IVdfWorker")]
[Version(1)]
public interface IVdfWorker : IGrainWithIntegerKey
{
    /// <summary>Decodes and verifies one proof; a malformed or failing proof is a failed outcome, never an exception.</summary>
    /// <exception cref="ArgumentException">The policy in the request is invalid (the message names the field).</exception>
    [Alias("Verify")]
    Task<VdfVerificationOutcome> VerifyAsync(VdfVerificationRequest request);
}
