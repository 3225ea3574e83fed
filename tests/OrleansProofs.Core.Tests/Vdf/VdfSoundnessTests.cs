// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;
using Xunit.Abstractions;

namespace OrleansProofs.Core.Tests.Vdf;

/// <summary>
/// Verifies the soundness figure of docs/security.md §4 empirically: proofs whose prover skipped one
/// segment (or an eighth of them) — honest everywhere else — are rejected in at least the stated
/// fraction of runs, minus three standard deviations, and the rejection names a forged segment.
/// </summary>
public sealed class VdfSoundnessTests(ITestOutputHelper output)
{
    private const int Segments = 64;
    private const ulong Interval = 16;
    private const int Samples = 16;

    private static readonly Lazy<VdfBuffer> SmallBuffer = new(() => VdfBuffer.Create(Sha256.Hash("soundness"u8), VdfBuffer.MinBytes));

    [Fact]
    public void OneForgedSegment_IsDetected_AtTheStatedRate()
    {
        double stated = VdfSoundness.DetectionProbability(Segments, 1, Samples); // k / m = 0.25
        double rate = DetectionRate(trials: 200, forgedPerProof: 1, seed: 7);
        output.WriteLine($"one forged segment of {Segments}, k = {Samples}: detected {rate:P1}, stated {stated:P1}");
        Assert.True(rate >= stated - Margin(stated, 200), $"detected {rate:P1}; stated {stated:P1}");
    }

    [Fact]
    public void AnEighthOfSegmentsForged_IsDetected_AtTheStatedRate()
    {
        double stated = VdfSoundness.DetectionProbability(Segments, Segments / 8, Samples); // ≈ 0.90
        double rate = DetectionRate(trials: 100, forgedPerProof: Segments / 8, seed: 8);
        output.WriteLine($"{Segments / 8} forged segments of {Segments}, k = {Samples}: detected {rate:P1}, stated {stated:P1}");
        Assert.True(rate >= stated - Margin(stated, 100), $"detected {rate:P1}; stated {stated:P1}");
    }

    [Fact]
    public void HonestProofs_AreAlwaysAccepted()
    {
        VdfProof proof = VdfEvaluator.Evaluate(SmallBuffer.Value, Segments * Interval, Interval);
        VdfVerificationResult all = VdfVerifier.Verify(proof, new(VdfBuffer.MinBytes, Segments), SmallBuffer.Value);
        Assert.True(all.IsValid, all.ToString());
        Assert.Equal(Segments, all.SegmentsChecked);
    }

    private static double Margin(double p, int trials) => 3 * Math.Sqrt(p * (1 - p) / trials);

    private static readonly Lazy<Hash32[]> HonestStates = new(() =>
    {
        var states = new Hash32[Segments];
        Hash32 state = VdfFunction.InitialState(SmallBuffer.Value.Seed);
        for (int s = 0; s < Segments; s++)
        {
            states[s] = state = VdfFunction.Iterate(SmallBuffer.Value, state, (ulong)s * Interval, Interval);
        }

        return states;
    });

    private static double DetectionRate(int trials, int forgedPerProof, int seed)
    {
        VdfBuffer buffer = SmallBuffer.Value;
        var policy = new VdfVerificationPolicy(VdfBuffer.MinBytes, Samples);
        var random = new Random(seed);
        int detected = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            var forged = new HashSet<int>();
            while (forged.Count < forgedPerProof)
            {
                forged.Add(random.Next(Segments));
            }

            // The cheat: compute honestly, except that each forged segment's end state is made up
            // (its work skipped); the next segment continues honestly from the made-up state.
            // Up to the first forged segment the cheat's states are the honest ones (computed once).
            var states = new Hash32[Segments];
            int firstForged = forged.Min();
            HonestStates.Value.AsSpan(0, firstForged).CopyTo(states);
            Hash32 state = firstForged == 0 ? VdfFunction.InitialState(buffer.Seed) : states[firstForged - 1];
            for (int s = firstForged; s < Segments; s++)
            {
                if (forged.Contains(s))
                {
                    byte[] fake = new byte[32];
                    random.NextBytes(fake);
                    state = new Hash32(fake);
                }
                else
                {
                    state = VdfFunction.Iterate(buffer, state, (ulong)s * Interval, Interval);
                }

                states[s] = state;
            }

            var proof = new VdfProof(buffer.Log2Bytes, buffer.Seed, Segments * Interval, Interval, states.AsSpan(0, Segments - 1), states[^1]);
            VdfVerificationResult result = VdfVerifier.Verify(proof, policy, buffer);
            if (!result.IsValid)
            {
                Assert.Equal(VdfRejection.SegmentMismatch, result.Reason);
                Assert.Contains(result.FailedIndex!.Value, forged);
                detected++;
            }
        }

        return (double)detected / trials;
    }
}
