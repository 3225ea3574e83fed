// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Vdf;

/// <summary>
/// Measures this machine's VDF speed, for choosing iteration targets (e.g. iterations per block) and
/// for operators to compare against the profile's calibration figure (375,000 it/s at 256 MiB).
/// </summary>
public static class VdfCalibration
{
    /// <summary>The rate the standard profile assumes: 375,000 iterations per second at 256 MiB on one core.</summary>
    public const double StandardTargetIterationsPerSecond = 375_000;

    /// <summary>
    /// Fills a buffer of <paramref name="bufferBytes"/> (not timed), warms up, then iterates on the
    /// calling thread for about <paramref name="duration"/> and returns iterations per second.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Bad buffer size, or a duration that is not positive.</exception>
    public static double Measure(long bufferBytes, TimeSpan duration)
    {
        VdfBuffer.ValidateSize(bufferBytes, nameof(bufferBytes));
        if (duration <= TimeSpan.Zero)
        {
            throw Error.OutOfRange(nameof(duration), duration, "must be positive");
        }

        VdfBuffer buffer = VdfBuffer.Create(Sha256.Hash("posc/v1/vdf calibration"u8), bufferBytes);
        return Measure(buffer, duration);
    }

    /// <summary>Iterates on an existing buffer for about <paramref name="duration"/>; returns iterations per second.</summary>
    public static double Measure(VdfBuffer buffer, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        const ulong Batch = 8192;
        Hash32 state = VdfFunction.InitialState(buffer.Seed);
        state = VdfFunction.Iterate(buffer, state, 0, Batch); // warm-up: JIT tiers, caches, TLB
        ulong done = 0;
        var stopwatch = Stopwatch.StartNew();
        do
        {
            state = VdfFunction.Iterate(buffer, state, Batch + done, Batch);
            done += Batch;
        }
        while (stopwatch.Elapsed < duration);

        double seconds = stopwatch.Elapsed.TotalSeconds;
        GC.KeepAlive(state);
        return done / seconds;
    }
}
