// SPDX-License-Identifier: MIT

using Orleans.Concurrency;
using OrleansProofs.Abstractions.Workers;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Grains.Workers;

/// <summary>
/// VDF verification with Core's <see cref="VdfVerifier"/> (<see cref="IVdfWorker"/>): signed
/// proofs are checked against the given prover first, then segments are re-executed. Stateless:
/// each call rebuilds the memory-hard buffer from the proof's seed.
/// </summary>
[StatelessWorker]
internal sealed class VdfWorker : Grain, IVdfWorker
{
    /// <inheritdoc/>
    public Task<VdfVerificationOutcome> VerifyAsync(VdfVerificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        VdfVerificationPolicy policy = new(request.BufferBytes, request.SampleCount, request.MinimumIterations);
        try
        {
            policy.Validate();
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"The request's verification policy is invalid: {error.Message}", nameof(request), error);
        }

        bool signed = !request.Signature.IsDefaultOrEmpty;
        if (signed && request.Prover is null)
        {
            throw new ArgumentException("A signed proof needs the prover's public key to check the signature against.", nameof(request));
        }

        VdfProof proof;
        try
        {
            proof = VdfProof.Decode(request.Proof.IsDefault ? [] : request.Proof.AsSpan());
        }
        catch (FormatException error)
        {
            return Task.FromResult(new VdfVerificationOutcome(false, "Malformed", error.Message, 0, null));
        }

        VdfVerificationResult result = signed
            ? VdfVerifier.VerifySigned(proof, request.Signature.AsSpan(), new ProverPublicKey(request.Prover!.Value.Bytes), policy)
            : VdfVerifier.Verify(proof, policy);
        return Task.FromResult(new VdfVerificationOutcome(
            result.IsValid, result.IsValid ? null : result.Reason.ToString(), result.Message, result.SegmentsChecked, result.FailedIndex));
    }
}
