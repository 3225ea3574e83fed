// SPDX-License-Identifier: MIT
//  VDF verification by sampled re-execution — docs/protocol.md §6 §6, soundness in docs/security.md §4.

using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// Verifies a <see cref="VdfProof"/> the way a third party can: rebuild the buffer from the seed,
/// derive the segment sample from the proof hash (Fiat–Shamir), re-execute exactly those segments
/// and compare their end states. Nothing the prover reports about itself is trusted.
/// </summary>
public static class VdfVerifier
{
    /// <summary>
    /// Verifies the prover's signature over the proof hash, then the proof itself.
    /// </summary>
    /// <param name="proof">The proof.</param>
    /// <param name="signature">The prover's 64-byte Ed25519 signature of <see cref="VdfProof.ComputeHash"/>.</param>
    /// <param name="prover">The prover's public key.</param>
    /// <param name="policy">What the verifier demands.</param>
    /// <param name="buffer">A buffer already built for this seed and size, or null to build one.</param>
    public static VdfVerificationResult VerifySigned(VdfProof proof, ReadOnlySpan<byte> signature, ProverPublicKey prover, VdfVerificationPolicy policy, VdfBuffer? buffer = null)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (!proof.VerifySignature(prover, signature))
        {
            return VdfVerificationResult.Fail(VdfRejection.BadSignature, $"the proof signature does not verify under prover {prover}");
        }

        return Verify(proof, policy, buffer);
    }

    /// <summary>Verifies a proof by sampled re-execution.</summary>
    /// <param name="proof">The proof.</param>
    /// <param name="policy">What the verifier demands.</param>
    /// <param name="buffer">A buffer already built for this seed and size, or null to build one (costs one fill).</param>
    /// <exception cref="ArgumentException"><paramref name="buffer"/> was built from another seed or size.</exception>
    public static VdfVerificationResult Verify(VdfProof proof, VdfVerificationPolicy policy, VdfBuffer? buffer = null)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        if (proof.BufferBytes != policy.BufferBytes)
        {
            return VdfVerificationResult.Fail(VdfRejection.WrongBufferSize, $"the proof uses a {proof.BufferBytes}-byte buffer; the policy requires {policy.BufferBytes}");
        }

        if (proof.Iterations < policy.MinimumIterations)
        {
            return VdfVerificationResult.Fail(VdfRejection.TooFewIterations, $"{proof.Iterations} iterations; at least {policy.MinimumIterations} required");
        }

        if (proof.CheckpointInterval > policy.MaxSegmentIterations)
        {
            return VdfVerificationResult.Fail(VdfRejection.SegmentTooLong, $"checkpoint interval {proof.CheckpointInterval} exceeds {policy.MaxSegmentIterations}");
        }

        if (buffer is not null && !buffer.Matches(proof.Seed, proof.Log2BufferBytes))
        {
            throw Error.Invalid(nameof(buffer), "it was built from another seed or size than the proof's.");
        }

        buffer ??= VdfBuffer.Create(proof.Seed, proof.BufferBytes);
        int[] sample = VdfSampler.Draw(proof.ComputeHash(), proof.SegmentCount, policy.SampleCount);
        for (int i = 0; i < sample.Length; i++)
        {
            int segment = sample[i];
            VdfPoint start = proof.SegmentStart(segment);
            VdfPoint end = proof.SegmentEnd(segment);
            if (VdfSegments.Execute(buffer, start, end.Iterations, []) != end.State)
            {
                return VdfVerificationResult.Fail(VdfRejection.SegmentMismatch,
                    $"segment {segment} (iterations {start.Iterations}..{end.Iterations}) does not reach its claimed state", segment, i + 1);
            }
        }

        return VdfVerificationResult.Valid(sample.Length);
    }
}
