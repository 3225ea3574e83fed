// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// What a verifier demands of a VDF proof. The buffer size comes from the consensus profile, never
/// from the proof (a proof cannot make a verifier allocate what it chooses); the sample count sets
/// soundness and cost (docs/security.md §4).
/// </summary>
/// <param name="BufferBytes">Required buffer size (a power of two).</param>
/// <param name="SampleCount">Segments to re-execute (all of them when the proof has fewer).</param>
/// <param name="MinimumIterations">Fewest iterations accepted.</param>
/// <param name="MaxSegmentIterations">Longest segment a verifier agrees to re-execute.</param>
public sealed record VdfVerificationPolicy(long BufferBytes, int SampleCount, ulong MinimumIterations = 1, ulong MaxSegmentIterations = 1UL << 24)
{
    /// <summary>Checks the policy's own values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        VdfBuffer.ValidateSize(BufferBytes, nameof(BufferBytes));
        if (SampleCount < 1)
        {
            throw Error.OutOfRange(nameof(SampleCount), SampleCount, "must be at least 1");
        }

        if (MaxSegmentIterations < 1)
        {
            throw Error.OutOfRange(nameof(MaxSegmentIterations), MaxSegmentIterations, "must be at least 1");
        }
    }
}
