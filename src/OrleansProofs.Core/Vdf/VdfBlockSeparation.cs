// SPDX-License-Identifier: MIT
//  VDF separation of consecutive block records — docs/protocol.md §6 §10; built on ContinuousVdfVerifier.

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// The verifier-side rule between two consecutive block records of one prover: the later record's
/// VDF point must be at least N iterations after the earlier one's, must have absorbed the later
/// block's global root in between, and must descend from the earlier point through the prover's
/// signed checkpoints — checked by re-executing sampled segments (<see cref="ContinuousVdfVerifier.VerifyDescent"/>),
/// so a record cannot claim a point it did not compute. A restart (failover) between the two records
/// is accepted but visible: the descent is then checked from the restart checkpoint, whose point the
/// chain itself proves, because the earlier record's point was on the evaluator that failed.
/// </summary>
public static class VdfBlockSeparation
{
    /// <summary>
    /// Checks the VDF points of two consecutive block records.
    /// </summary>
    /// <param name="buffer">The prover's buffer (seed and size of the checkpoints).</param>
    /// <param name="previous">The earlier record's point.</param>
    /// <param name="next">The later record's point.</param>
    /// <param name="nextRoot">The later block's global root, which must be absorbed in (previous, next].</param>
    /// <param name="checkpoints">
    /// Consecutive checkpoints of the prover's chain, oldest first: from the last one at or before
    /// <paramref name="previous"/> through the first one at or after <paramref name="next"/> (that one
    /// lists the absorptions up to <paramref name="next"/>); later ones are ignored.
    /// </param>
    /// <param name="prover">The prover's public key (signs the checkpoints).</param>
    /// <param name="minimumIterations">N: the fewest iterations between the two records (the profile's VdfMinimumIterationsPerBlock).</param>
    /// <param name="sampleCount">Segments to re-execute (all when there are fewer).</param>
    /// <param name="maxSegmentIterations">Longest segment the verifier agrees to re-execute.</param>
    /// <exception cref="ArgumentException"><paramref name="checkpoints"/> is empty, or <paramref name="buffer"/> does not match them.</exception>
    public static VdfVerificationResult Verify(VdfBuffer buffer, VdfPoint previous, VdfPoint next, Hash32 nextRoot, IReadOnlyList<VdfCheckpoint> checkpoints,
        ProverPublicKey prover, ulong minimumIterations, int sampleCount, ulong maxSegmentIterations = 1UL << 24)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(checkpoints);
        if (sampleCount < 1)
        {
            throw Error.OutOfRange(nameof(sampleCount), sampleCount, "must be at least 1");
        }

        if (next.Iterations < previous.Iterations || next.Iterations - previous.Iterations < minimumIterations)
        {
            return VdfVerificationResult.Fail(VdfRejection.TooFewIterations,
                $"the later record's point ({next.Iterations} iterations) is not at least {minimumIterations} iterations after the earlier one's ({previous.Iterations})");
        }

        VdfVerificationResult chain = ContinuousVdfVerifier.VerifyChain(checkpoints, prover);
        if (!chain.IsValid)
        {
            return chain;
        }

        if (!buffer.Matches(checkpoints[0].Seed, checkpoints[0].Log2BufferBytes))
        {
            throw Error.Invalid(nameof(buffer), "it was built from another seed or size than the checkpoints'.");
        }

        if (checkpoints[0].Point.Iterations > previous.Iterations)
        {
            return VdfVerificationResult.Fail(VdfRejection.Inconsistent,
                $"the first checkpoint ({checkpoints[0].Point.Iterations} iterations) is after the earlier record's point ({previous.Iterations}); the absorptions before it are unknown");
        }

        int end = 0;
        while (end < checkpoints.Count && checkpoints[end].Point.Iterations < next.Iterations)
        {
            end++;
        }

        if (end == checkpoints.Count)
        {
            return VdfVerificationResult.Fail(VdfRejection.Inconsistent,
                $"no checkpoint reaches the later record's point ({next.Iterations} iterations); the roots absorbed before it are unknown");
        }

        // A restart below the earlier record's point may mean that point was on the evaluator that failed.
        // One deterministic segment decides: from the earlier point to the first checkpoint after it. If
        // that lands, the point is on the chain that survived; if not, descend from the resumed point
        // (the restart is visible, and it is more work for the prover, never less).
        VdfPoint start = previous;
        int restart = -1;
        for (int i = 1; i <= end; i++)
        {
            if (checkpoints[i].RestartCount != checkpoints[i - 1].RestartCount && checkpoints[i].Point.Iterations < previous.Iterations)
            {
                restart = i;
            }
        }

        if (restart > 0 && !OnSurvivingChain(buffer, previous, checkpoints, restart, end, maxSegmentIterations))
        {
            start = checkpoints[restart].Point;
        }

        List<VdfPoint> intermediate = [];
        List<VdfAbsorption> absorptions = [];
        bool rootAbsorbed = false;
        for (int i = 1; i <= end; i++)
        {
            VdfPoint point = checkpoints[i].Point;
            if (point.Iterations > start.Iterations && point.Iterations < next.Iterations)
            {
                intermediate.Add(point);
            }

            foreach (VdfAbsorption absorption in checkpoints[i].Absorbed)
            {
                if (absorption.Iteration > start.Iterations && absorption.Iteration <= next.Iterations)
                {
                    absorptions.Add(absorption);
                    rootAbsorbed |= absorption.Root == nextRoot;
                }
            }
        }

        if (!rootAbsorbed)
        {
            return VdfVerificationResult.Fail(VdfRejection.Inconsistent,
                $"the later block's root {nextRoot} is not absorbed between iterations {start.Iterations} and {next.Iterations}");
        }

        return ContinuousVdfVerifier.VerifyDescent(buffer, start, next, [.. intermediate], [.. absorptions], minimumIterations, sampleCount, maxSegmentIterations);
    }

    /// <summary>
    /// Where a verifier's checkpoint window for <see cref="Verify"/> starts in a retained run of the
    /// chain (oldest first): the last checkpoint at or before <paramref name="previous"/>, or the one a
    /// later restart below <paramref name="previous"/> resumed from, whichever is earlier. -1 when the
    /// run starts after <paramref name="previous"/>.
    /// </summary>
    public static int WindowStart(IReadOnlyList<VdfCheckpoint> chain, VdfPoint previous)
    {
        ArgumentNullException.ThrowIfNull(chain);
        int last = -1;
        int resumedFrom = -1;
        for (int i = 0; i < chain.Count && chain[i].Point.Iterations <= previous.Iterations; i++)
        {
            last = i;
            if (i > 0 && chain[i].RestartCount != chain[i - 1].RestartCount && chain[i].Point.Iterations < previous.Iterations)
            {
                resumedFrom = i - 1;
            }
        }

        return resumedFrom >= 0 ? resumedFrom : last;
    }

    /// <summary>True when re-executing from <paramref name="previous"/> lands on the first checkpoint after it that follows the restart.</summary>
    private static bool OnSurvivingChain(VdfBuffer buffer, VdfPoint previous, IReadOnlyList<VdfCheckpoint> checkpoints, int restart, int end, ulong maxSegmentIterations)
    {
        int after = restart;
        while (after <= end && checkpoints[after].Point.Iterations <= previous.Iterations)
        {
            after++;
        }

        if (after > end)
        {
            return false;
        }

        List<VdfAbsorption> inside = [];
        for (int i = restart + 1; i <= after; i++)
        {
            foreach (VdfAbsorption absorption in checkpoints[i].Absorbed)
            {
                if (absorption.Iteration > previous.Iterations)
                {
                    inside.Add(absorption);
                }
            }
        }

        return ContinuousVdfVerifier.VerifyDescent(buffer, previous, checkpoints[after].Point, [], [.. inside], 0, 1, maxSegmentIterations).IsValid;
    }
}
