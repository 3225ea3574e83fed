// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Parameters;

/// <summary>
/// Detection figures for partial storage. A cheater missing a fraction f of a file's chunks
/// survives one block only if none of the k selected chunks is missing, so it survives b blocks with
/// probability at most (1 − f)^(k·b).
/// <para>
/// <b>Model.</b> The protocol selects k <i>distinct</i> chunks per block (without replacement).
/// The exact per-block survival is then the hypergeometric C(n − m, k) / C(n, k) =
/// Π_{i&lt;k} (n − m − i)/(n − i) for m = f·n missing chunks, and each factor is at most (1 − f),
/// so the with-replacement figure (1 − f)^k is an <b>upper bound</b> on the cheater's survival: the
/// real protocol detects at least as fast as these tables say. Blocks are independent because each
/// selection is keyed by a fresh, unpredictable block hash (SHA-256 modelled as a random oracle).
/// Everything is computed in log space (log1p), so tiny probabilities such as 2^-40 are exact to
/// double precision instead of underflowing.
/// </para>
/// </summary>
public static class SecurityCalculator
{
    /// <summary>The protocol's target: a cheater survives with probability at most 2^-40.</summary>
    public const double DefaultTargetLog2 = -40;

    /// <summary>The missing fractions the detection table reports.</summary>
    public static IReadOnlyList<double> TableFractions { get; } = [0.01, 0.05, 0.1, 0.25, 0.5];

    /// <summary>log2 of the probability that a cheater missing <paramref name="missingFraction"/> survives (with-replacement bound).</summary>
    /// <exception cref="ArgumentOutOfRangeException">f is outside [0, 1], k &lt; 1 or b &lt; 0.</exception>
    public static double Log2SurvivalProbability(double missingFraction, int chunksPerBlock, long blocks)
    {
        ValidateFraction(missingFraction, allowZero: true);
        ValidateSampling(chunksPerBlock, blocks);
        if (blocks == 0 || missingFraction == 0)
        {
            return 0;
        }

        if (missingFraction == 1)
        {
            return double.NegativeInfinity;
        }

        return (double)chunksPerBlock * blocks * Log1pToLog2(missingFraction);
    }

    /// <summary>Probability that a cheater missing <paramref name="missingFraction"/> survives <paramref name="blocks"/> blocks of <paramref name="chunksPerBlock"/> chunks: (1 − f)^(k·b).</summary>
    /// <exception cref="ArgumentOutOfRangeException">f is outside [0, 1], k &lt; 1 or b &lt; 0.</exception>
    public static double SurvivalProbability(double missingFraction, int chunksPerBlock, long blocks) =>
        Math.Pow(2, Log2SurvivalProbability(missingFraction, chunksPerBlock, blocks));

    /// <summary>
    /// Exact survival probability without replacement (the protocol's sampling) for a file of
    /// <paramref name="totalChunks"/> chunks of which <paramref name="missingChunks"/> are missing,
    /// over <paramref name="blocks"/> independent blocks of k = min(<paramref name="chunksPerBlock"/>, n) distinct chunks.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double SurvivalProbabilityWithoutReplacement(ulong totalChunks, ulong missingChunks, int chunksPerBlock, long blocks)
    {
        if (totalChunks == 0)
        {
            throw Error.OutOfRange(nameof(totalChunks), totalChunks, "must be at least 1");
        }

        if (missingChunks > totalChunks)
        {
            throw Error.OutOfRange(nameof(missingChunks), missingChunks, $"must not exceed totalChunks ({totalChunks})");
        }

        ValidateSampling(chunksPerBlock, blocks);
        ulong k = Math.Min((ulong)chunksPerBlock, totalChunks);
        double log2PerBlock = 0;
        for (ulong i = 0; i < k; i++)
        {
            if (missingChunks + i >= totalChunks)
            {
                return blocks == 0 ? 1 : 0;
            }

            // factor (n − m − i) / (n − i) = 1 − m / (n − i), taken through log1p for precision.
            log2PerBlock += LogOnePlus(-(double)missingChunks / (totalChunks - i)) / Math.Log(2);
        }

        return Math.Pow(2, log2PerBlock * blocks);
    }

    /// <summary>Fewest blocks after which a cheater missing <paramref name="missingFraction"/> survives with probability at most 2^<paramref name="targetLog2"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">f is outside (0, 1], k &lt; 1, or the target is not negative.</exception>
    public static long BlocksToReach(double missingFraction, int chunksPerBlock, double targetLog2 = DefaultTargetLog2)
    {
        ValidateFraction(missingFraction, allowZero: false);
        ValidateSampling(chunksPerBlock, 0);
        if (!(targetLog2 < 0) || double.IsInfinity(targetLog2))
        {
            throw Error.OutOfRange(nameof(targetLog2), targetLog2, "must be a finite negative log2 probability");
        }

        if (missingFraction == 1)
        {
            return 1;
        }

        // Start from the closed form, then settle floating-point slop at an exact boundary
        // (f = 0.5, k = 4 gives exactly 10 blocks) by checking the neighbours directly.
        double log2PerBlock = chunksPerBlock * Log1pToLog2(missingFraction);
        long blocks = Math.Max(1, (long)Math.Ceiling(targetLog2 / log2PerBlock));
        while (blocks > 1 && log2PerBlock * (blocks - 1) <= targetLog2)
        {
            blocks--;
        }

        while (log2PerBlock * blocks > targetLog2)
        {
            blocks++;
        }

        return blocks;
    }

    /// <summary>
    /// The detection table: for each missing fraction in <see cref="TableFractions"/> and each profile,
    /// the per-block survival, the blocks and time needed to reach 2^-40, and the survival over one proof window.
    /// </summary>
    public static IReadOnlyList<DetectionRow> DetectionTable(params ConsensusParameters[] profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Length == 0)
        {
            profiles = [ConsensusParameters.Standard, ConsensusParameters.Enhanced];
        }

        List<DetectionRow> rows = [];
        foreach (double f in TableFractions)
        {
            foreach (ConsensusParameters profile in profiles)
            {
                profile.EnsureValid();
                int k = profile.ChunksPerBlock;
                long blocks = BlocksToReach(f, k);
                rows.Add(new DetectionRow(
                    profile.Name,
                    k,
                    f,
                    SurvivalProbability(f, k, 1),
                    Log2SurvivalProbability(f, k, profile.ProofWindowBlocks),
                    blocks,
                    profile.BlockTime * blocks));
            }
        }

        return rows;
    }

    /// <summary>log2(1 − f), through log1p so that small f keeps full precision.</summary>
    private static double Log1pToLog2(double missingFraction) => LogOnePlus(-missingFraction) / Math.Log(2);

    /// <summary>ln(1 + x) accurate for small |x| (the BCL has no log1p): the classic correction (1+x)−1 trick.</summary>
    private static double LogOnePlus(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    private static void ValidateFraction(double missingFraction, bool allowZero)
    {
        bool ok = allowZero ? missingFraction is >= 0 and <= 1 : missingFraction is > 0 and <= 1;
        if (!ok)
        {
            throw Error.OutOfRange(nameof(missingFraction), missingFraction, allowZero ? "must be between 0 and 1" : "must be greater than 0 and at most 1");
        }
    }

    private static void ValidateSampling(int chunksPerBlock, long blocks)
    {
        if (chunksPerBlock < 1)
        {
            throw Error.OutOfRange(nameof(chunksPerBlock), chunksPerBlock, "must be at least 1");
        }

        if (blocks < 0)
        {
            throw Error.OutOfRange(nameof(blocks), blocks, "must not be negative");
        }
    }
}
