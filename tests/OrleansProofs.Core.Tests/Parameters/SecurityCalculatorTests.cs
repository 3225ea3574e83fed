// SPDX-License-Identifier: MIT

using System.Globalization;
using CsCheck;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Tests.Protocol;

namespace OrleansProofs.Core.Tests.Parameters;

/// <summary>
/// Verifies the detection figures: (1 − f)^(k·b) in log space, the blocks needed for 2^-40 at exact
/// boundaries, the without-replacement bound, and that docs/protocol.md §8 shows the
/// table the calculator produces.
/// </summary>
public sealed class SecurityCalculatorTests
{
    [Fact]
    public void KnownValues()
    {
        Assert.Equal(-40, SecurityCalculator.Log2SurvivalProbability(0.5, 4, 10), 12);
        Assert.Equal(1.0, SecurityCalculator.SurvivalProbability(0.5, 4, 10) / Math.Pow(2, -40), 12);
        Assert.Equal(0.9 * 0.9 * 0.9 * 0.9, SecurityCalculator.SurvivalProbability(0.1, 4, 1), 12);
        Assert.Equal(1, SecurityCalculator.SurvivalProbability(0, 16, 1000));
        Assert.Equal(1, SecurityCalculator.SurvivalProbability(0.3, 16, 0));
        Assert.Equal(0, SecurityCalculator.SurvivalProbability(1, 1, 1));

        Assert.Equal(10, SecurityCalculator.BlocksToReach(0.5, 4));
        Assert.Equal(3, SecurityCalculator.BlocksToReach(0.5, 16));
        Assert.Equal(690, SecurityCalculator.BlocksToReach(0.01, 4));
        Assert.Equal(173, SecurityCalculator.BlocksToReach(0.01, 16));
        Assert.Equal(1, SecurityCalculator.BlocksToReach(1, 4));
    }

    [Fact]
    public void LogSpace_StaysExact_WhereDirectPowerLosesPrecision()
    {
        // (1 − 1e-12)^(4·10^12) = e^-4 (to 1e-12): 1 − 1e-12 keeps only ~4 significant digits of
        // the 1e-12 in a double, so a direct Math.Pow is off in the fourth digit.
        double survival = SecurityCalculator.SurvivalProbability(1e-12, 4, 1_000_000_000_000);
        Assert.Equal(Math.Exp(-4), survival, 1e-12);
        Assert.True(Math.Abs(Math.Pow(1 - 1e-12, 4e12) - Math.Exp(-4)) > 1e-7, "the direct power should visibly lose precision");

        // Deep tails do not underflow to 0 in log2.
        Assert.Equal(-64_000, SecurityCalculator.Log2SurvivalProbability(0.5, 16, 4000), 6);
    }

    [Fact]
    public void BlocksToReach_IsTheFirstBlockCountAtOrBelowTheTarget()
    {
        Gen.Select(Gen.Double[0.0001, 0.9999], Gen.Int[1, 64], Gen.Double[-80, -1]).Sample((f, k, target) =>
        {
            long blocks = SecurityCalculator.BlocksToReach(f, k, target);
            Assert.True(SecurityCalculator.Log2SurvivalProbability(f, k, blocks) <= target);
            if (blocks > 1)
            {
                Assert.True(SecurityCalculator.Log2SurvivalProbability(f, k, blocks - 1) > target);
            }
        });
    }

    [Fact]
    public void WithoutReplacement_NeverExceedsTheWithReplacementBound()
    {
        Gen.Select(Gen.ULong[1, 5000], Gen.Double[0, 1], Gen.Int[1, 64], Gen.Long[0, 50]).Sample((n, share, k, b) =>
        {
            ulong missing = (ulong)Math.Floor(share * n);
            double exact = SecurityCalculator.SurvivalProbabilityWithoutReplacement(n, missing, k, b);
            double bound = SecurityCalculator.SurvivalProbability((double)missing / n, k, b);
            Assert.True(exact <= bound * (1 + 1e-12), $"n={n} m={missing} k={k} b={b}: exact {exact} > bound {bound}");
        });

        // Hypergeometric by hand: 10 chunks, 2 missing, 4 drawn: C(8,4)/C(10,4) = 70/210 = 1/3.
        Assert.Equal(1.0 / 3, SecurityCalculator.SurvivalProbabilityWithoutReplacement(10, 2, 4, 1), 12);

        // Missing more than n − k chunks means every block catches the cheater.
        Assert.Equal(0, SecurityCalculator.SurvivalProbabilityWithoutReplacement(10, 7, 4, 1));

        // Large files: the bound is tight.
        Assert.Equal(SecurityCalculator.SurvivalProbability(0.1, 4, 8),
            SecurityCalculator.SurvivalProbabilityWithoutReplacement(10_000_000, 1_000_000, 4, 8), 6);
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("missingFraction", () => SecurityCalculator.SurvivalProbability(-0.1, 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>("missingFraction", () => SecurityCalculator.SurvivalProbability(double.NaN, 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>("missingFraction", () => SecurityCalculator.BlocksToReach(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>("chunksPerBlock", () => SecurityCalculator.SurvivalProbability(0.1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>("blocks", () => SecurityCalculator.SurvivalProbability(0.1, 4, -1));
        Assert.Throws<ArgumentOutOfRangeException>("targetLog2", () => SecurityCalculator.BlocksToReach(0.1, 4, 0));
        Assert.Throws<ArgumentOutOfRangeException>("totalChunks", () => SecurityCalculator.SurvivalProbabilityWithoutReplacement(0, 0, 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>("missingChunks", () => SecurityCalculator.SurvivalProbabilityWithoutReplacement(5, 6, 4, 1));
    }

    [Fact]
    public void DetectionTable_CoversEveryFractionAndProfile_AndTheDocumentShowsIt()
    {
        IReadOnlyList<DetectionRow> rows = SecurityCalculator.DetectionTable();
        Assert.Equal(10, rows.Count);
        Assert.Equal(new[] { "standard", "enhanced" }, rows.Select(r => r.Profile).Distinct());
        DetectionRow half = rows.Single(r => r.MissingFraction == 0.5 && r.Profile == "standard");
        Assert.Equal(10, half.BlocksTo2Pow40);
        Assert.Equal(TimeSpan.FromSeconds(160), half.TimeTo2Pow40);
        Assert.Equal(-32, half.Log2SurvivalPerProofWindow, 9);

        string doc = File.ReadAllText(Path.Combine(ProtocolVectorTests.RepositoryRoot(), "docs", "protocol.md"));
        foreach (DetectionRow row in rows)
        {
            string line = Render(row);
            Assert.True(doc.Contains(line, StringComparison.Ordinal), $"docs/protocol.md §8 lacks the row:\n{line}");
        }
    }

    /// <summary>The table row as docs/protocol.md §8 writes it.</summary>
    internal static string Render(DetectionRow row) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {row.MissingFraction} | {row.Profile} | {row.ChunksPerBlock} | {row.SurvivalPerBlock:G6} | {row.Log2SurvivalPerProofWindow:F2} | {row.BlocksTo2Pow40} | {row.TimeTo2Pow40.TotalMinutes:F1} min |");
}
