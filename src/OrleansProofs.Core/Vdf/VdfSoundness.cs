// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// The soundness figures of sampled verification (docs/security.md §4), so services can report
/// them and pick sample counts: k distinct segments out of m are re-executed, so a proof with j
/// forged segments escapes one verification with probability <c>C(m − j, k) / C(m, k)</c>.
/// </summary>
public static class VdfSoundness
{
    /// <summary>
    /// Probability that one verification re-executing <c>min(samples, segments)</c> distinct segments
    /// catches a proof with <paramref name="forgedSegments"/> forged segments (the sample being uniform).
    /// </summary>
    public static double DetectionProbability(long segments, long forgedSegments, int samples)
    {
        if (segments < 1)
        {
            throw Error.OutOfRange(nameof(segments), segments, "must be at least 1");
        }

        if (forgedSegments < 0 || forgedSegments > segments)
        {
            throw Error.OutOfRange(nameof(forgedSegments), forgedSegments, $"must be 0 to {segments}");
        }

        if (samples < 1)
        {
            throw Error.OutOfRange(nameof(samples), samples, "must be at least 1");
        }

        long k = Math.Min(samples, segments);
        // Escape = prod_{i<k} (m - j - i) / (m - i): every sampled segment is an honest one.
        double escape = 1.0;
        for (long i = 0; i < k; i++)
        {
            long honestLeft = segments - forgedSegments - i;
            if (honestLeft <= 0)
            {
                return 1.0;
            }

            escape *= (double)honestLeft / (segments - i);
        }

        return 1.0 - escape;
    }

    /// <summary>
    /// Samples needed so that a proof skipping at least <paramref name="forgedFraction"/> of its
    /// segments escapes one verification with probability at most <paramref name="escapeProbability"/>
    /// (the with-replacement bound <c>(1 − f)^k</c>, which the without-replacement sample only improves).
    /// </summary>
    public static int SamplesFor(double forgedFraction, double escapeProbability)
    {
        if (!(forgedFraction > 0 && forgedFraction < 1))
        {
            throw Error.OutOfRange(nameof(forgedFraction), forgedFraction, "must be between 0 and 1 exclusive");
        }

        if (!(escapeProbability > 0 && escapeProbability < 1))
        {
            throw Error.OutOfRange(nameof(escapeProbability), escapeProbability, "must be between 0 and 1 exclusive");
        }

        return (int)Math.Ceiling(Math.Log(escapeProbability) / Math.Log(1 - forgedFraction));
    }
}
