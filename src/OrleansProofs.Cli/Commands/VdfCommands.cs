// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc vdf …</c>: the prover's memory-hard VDF. <c>vdf bench</c> builds a buffer and measures
/// this machine's iteration rate with <see cref="VdfCalibration"/>, against the standard profile's
/// calibration figure (<see cref="VdfCalibration.StandardTargetIterationsPerSecond"/> at 256 MiB, one core).
/// </summary>
public static class VdfCommands
{
    /// <summary>Default buffer size of <c>vdf bench</c>, MiB (the standard profile's).</summary>
    public const int DefaultMemoryMib = (int)(VdfBuffer.StandardBytes >> 20);

    /// <summary>Default measuring time of <c>vdf bench</c>, seconds.</summary>
    public const double DefaultSeconds = 5;

    /// <summary>Longest measuring time accepted, seconds.</summary>
    public const double MaxSeconds = 3600;

    // The buffer may be as small as 64 KiB; in whole MiB the smallest is 1.
    private const int MinMemoryMib = 1;
    private const int MaxMemoryMib = (int)(VdfBuffer.MaxBytes >> 20);

    /// <summary>Builds <c>vdf</c> and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Command vdf = new("vdf", "The prover's memory-hard verifiable delay function.");
        vdf.Subcommands.Add(CreateBench(context));
        return vdf;
    }

    private static Command CreateBench(CliContext context)
    {
        Option<int> memory = new("--memory-mib")
        {
            Description = $"VDF buffer size in MiB, a power of two from {MinMemoryMib} to {MaxMemoryMib} (the standard profile uses {DefaultMemoryMib}).",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultMemoryMib,
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ||
                    value < MinMemoryMib || value > MaxMemoryMib || (value & (value - 1)) != 0)
                {
                    result.AddError($"--memory-mib must be a power of two from {MinMemoryMib} to {MaxMemoryMib}; got '{token}'.");
                    return 0;
                }

                return value;
            },
        };
        Option<double> seconds = new("--seconds")
        {
            Description = $"How long to iterate, in seconds (decimals allowed, above 0, at most {MaxSeconds}).",
            HelpName = "S",
            DefaultValueFactory = _ => DefaultSeconds,
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (!double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) ||
                    !(value > 0) || value > MaxSeconds)
                {
                    result.AddError($"--seconds must be a number above 0 and at most {MaxSeconds}; got '{token}'.");
                    return 0;
                }

                return value;
            },
        };
        Command bench = new("bench", $"Measure this machine's VDF rate (iterations per second on one core) and compare it with the standard profile's target of {VdfCalibration.StandardTargetIterationsPerSecond:N0} it/s at 256 MiB.")
        {
            memory,
            seconds,
        };
        bench.SetAction(parseResult => Bench(context.Output(parseResult), parseResult.GetValue(memory), parseResult.GetValue(seconds)));
        return bench;
    }

    private static int Bench(ConsoleOutput output, int memoryMib, double seconds)
    {
        long bytes = (long)memoryMib << 20;
        TimeSpan duration = TimeSpan.FromSeconds(seconds);
        double rate;
        TimeSpan build;
        using (ProgressBar progress = output.StartProgress($"building {memoryMib} MiB VDF buffer"))
        {
            Stopwatch stopwatch = Stopwatch.StartNew();
            VdfBuffer buffer = VdfBuffer.Create(Sha256.Hash("posc/v1/vdf bench"u8), bytes);
            build = stopwatch.Elapsed;
            progress.SetTimedPhase("iterating", duration);
            rate = VdfCalibration.Measure(buffer, duration);
            GC.KeepAlive(buffer);
        }

        VdfBenchResult result = new(
            memoryMib,
            bytes,
            seconds,
            build.TotalSeconds,
            rate,
            VdfCalibration.StandardTargetIterationsPerSecond,
            rate / VdfCalibration.StandardTargetIterationsPerSecond,
            bytes == VdfBuffer.StandardBytes);
        if (output.Json)
        {
            output.WriteJson(result);
            return ExitCodes.Valid;
        }

        output.Line(string.Create(CultureInfo.InvariantCulture, $"iterations/s:  {result.IterationsPerSecond:N0}"));
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"target:        {result.TargetIterationsPerSecond:N0} it/s (standard profile, 256 MiB, one core)"));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"ratio:         {result.Ratio:0.00}× the target"));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"buffer build:  {result.BufferBuildSeconds:0.000} s for {memoryMib} MiB"));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"measured for:  {seconds:0.###} s"));
        if (!result.AtStandardMemory)
        {
            output.Line($"note: the target is for a {DefaultMemoryMib} MiB buffer; at {memoryMib} MiB the memory behaves differently (caches), so the ratio is indicative only.");
        }

        return ExitCodes.Valid;
    }
}

/// <summary>The result of <c>posc vdf bench</c> as printed with <c>--json</c>.</summary>
/// <param name="MemoryMib">Buffer size, MiB.</param>
/// <param name="MemoryBytes">Buffer size, bytes.</param>
/// <param name="Seconds">Requested measuring time, seconds.</param>
/// <param name="BufferBuildSeconds">Time to allocate and fill the buffer, seconds.</param>
/// <param name="IterationsPerSecond">Measured rate on one core.</param>
/// <param name="TargetIterationsPerSecond">The standard profile's calibration rate (375,000 at 256 MiB).</param>
/// <param name="Ratio"><paramref name="IterationsPerSecond"/> / <paramref name="TargetIterationsPerSecond"/>.</param>
/// <param name="AtStandardMemory">True when the buffer was the standard 256 MiB, so the ratio compares like with like.</param>
public sealed record VdfBenchResult(
    int MemoryMib,
    long MemoryBytes,
    double Seconds,
    double BufferBuildSeconds,
    double IterationsPerSecond,
    double TargetIterationsPerSecond,
    double Ratio,
    bool AtStandardMemory);
