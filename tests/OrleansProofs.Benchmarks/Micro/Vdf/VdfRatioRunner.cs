// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Benchmarks.Micro.Vdf;

/// <summary>
/// The production-size VDF measurement, too long for BenchmarkDotNet: calibration rate at the given
/// size (against the 375,000 it/s target), one buffer fill, an evaluation lasting about the given
/// duration on this machine (calibrated rate × seconds; the printed evaluation time is the measured
/// one) cut into 4,096 segments, then a verification that rebuilds the buffer and re-executes the
/// sampled segments. Prints each figure and the verification/evaluation ratio (target ≤ 10 %), all measured
/// in the same process. Usage: <c>vdf [mib=256] [seconds=40] [samples=160] [rounds=2]</c>.
/// </summary>
public static class VdfRatioRunner
{
    private const int Segments = 4096;

    public static int Run(string[] args, TextWriter output)
    {
        long mib = args.Length > 0 ? long.Parse(args[0]) : 256;
        double seconds = args.Length > 1 ? double.Parse(args[1]) : 40;
        int samples = args.Length > 2 ? int.Parse(args[2]) : 160;
        int rounds = args.Length > 3 ? int.Parse(args[3]) : 2;
        long bytes = mib << 20;
        output.WriteLine($"VDF at {mib} MiB, {seconds} s evaluation, {Segments} segments, {samples} samples; native SHA-256: {Sha256.IsNativeFastPath}");

        for (int round = 1; round <= rounds; round++)
        {
            double rate = VdfCalibration.Measure(bytes, TimeSpan.FromSeconds(3));
            output.WriteLine($"[{round}] calibration: {rate:N0} it/s = {rate / VdfCalibration.StandardTargetIterationsPerSecond:F2} x target (375,000 it/s)");

            Hash32 seed = Sha256.Hash(BitConverter.GetBytes(round));
            var stopwatch = Stopwatch.StartNew();
            VdfBuffer buffer = VdfBuffer.Create(seed, bytes);
            double fill = stopwatch.Elapsed.TotalSeconds;

            ulong iterations = (ulong)(rate * seconds);
            ulong interval = Math.Max(1, iterations / Segments);
            iterations = interval * Segments;
            stopwatch.Restart();
            VdfProof proof = VdfEvaluator.Evaluate(buffer, iterations, interval);
            double evaluate = stopwatch.Elapsed.TotalSeconds;
            buffer = null!;
            GC.Collect();

            // Three verifications, each rebuilding the buffer: on a shared machine noise only adds time,
            // so the minimum is the best estimate and the median is reported beside it.
            var verifications = new double[3];
            VdfVerificationResult result = null!;
            for (int v = 0; v < verifications.Length; v++)
            {
                stopwatch.Restart();
                result = VdfVerifier.Verify(proof, new VdfVerificationPolicy(bytes, samples, MaxSegmentIterations: interval));
                verifications[v] = stopwatch.Elapsed.TotalSeconds;
                if (!result.IsValid)
                {
                    output.WriteLine($"[{round}] verification FAILED: {result}");
                    return 1;
                }

                GC.Collect();
            }

            Array.Sort(verifications);
            output.WriteLine($"[{round}] fill {fill:F2} s; evaluation {iterations:N0} it in {evaluate:F2} s ({iterations / evaluate:N0} it/s, {iterations / evaluate / VdfCalibration.StandardTargetIterationsPerSecond:F2} x target)");
            output.WriteLine($"[{round}] verification (fill + {result.SegmentsChecked} x {interval:N0} it): min {verifications[0]:F2} s = {100 * verifications[0] / evaluate:F1} %, median {verifications[1]:F2} s = {100 * verifications[1] / evaluate:F1} % of evaluation (fill alone {100 * fill / evaluate:F1} %)");
            output.WriteLine($"[{round}] soundness: one forged segment caught with p = {VdfSoundness.DetectionProbability(Segments, 1, samples):P2}; 10 % forged: {VdfSoundness.DetectionProbability(Segments, Segments / 10, samples):P6}; 20 % forged escapes with p = {1 - VdfSoundness.DetectionProbability(Segments, Segments / 5, samples):E1}");
        }

        return 0;
    }
}
