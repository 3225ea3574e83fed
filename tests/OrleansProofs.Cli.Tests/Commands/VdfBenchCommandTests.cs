// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Cli.Tests.Commands;

/// <summary>
/// Verifies <c>posc vdf bench</c> at a tiny buffer and a short time: JSON carries a positive measured
/// rate, the 375,000 it/s target, their ratio and the buffer build time; text shows the same; a
/// terminal gets a progress bar that fills with time and is cleared; bad sizes and times exit 2.
/// </summary>
public sealed class VdfBenchCommandTests
{
    [Fact]
    public void Json_HasAPositiveRate_AndItsRatioToTheTarget()
    {
        CliRun run = CliRun.Of("vdf", "bench", "--memory-mib", "1", "--seconds", "0.2", "--json");

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        JsonElement json = run.Json();
        double rate = json.GetProperty("iterationsPerSecond").GetDouble();
        Assert.True(rate > 0, $"rate {rate}");
        Assert.Equal(VdfCalibration.StandardTargetIterationsPerSecond, json.GetProperty("targetIterationsPerSecond").GetDouble());
        Assert.Equal(rate / 375_000, json.GetProperty("ratio").GetDouble(), 9);
        Assert.True(json.GetProperty("bufferBuildSeconds").GetDouble() > 0);
        Assert.Equal(1, json.GetProperty("memoryMib").GetInt32());
        Assert.Equal(1L << 20, json.GetProperty("memoryBytes").GetInt64());
        Assert.Equal(0.2, json.GetProperty("seconds").GetDouble());
        Assert.False(json.GetProperty("atStandardMemory").GetBoolean());
    }

    [Fact]
    public void Text_ShowsRateTargetRatioAndBuildTime()
    {
        CliRun run = CliRun.Of("vdf", "bench", "--memory-mib", "2", "--seconds", "0.1");

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        Assert.Matches(@"(?m)^iterations/s:  [1-9][0-9,]*\r?$", run.Stdout);
        Assert.Contains("target:        375,000 it/s", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ratio:         [0-9]+\.[0-9]{2}× the target\r?$", run.Stdout);
        Assert.Matches(@"(?m)^buffer build:  [0-9]+\.[0-9]{3} s for 2 MiB\r?$", run.Stdout);
        Assert.Contains("note: the target is for a 256 MiB buffer", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Terminal_GetsAProgressBar_ThatIsCleared()
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();

        int exitCode = Program.Run(["vdf", "bench", "--memory-mib", "1", "--seconds", "1.2"], stdout, stderr, stderrIsTerminal: true);

        Assert.Equal(ExitCodes.Valid, exitCode);
        string written = stderr.ToString();
        Assert.Contains("\riterating [", written, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', written);
        Assert.True(written.TrimEnd('\r').Split('\r')[^1].Trim().Length == 0, "the bar's line is blanked at the end");
    }

    [Theory]
    [InlineData("--memory-mib", "3", "--memory-mib must be a power of two from 1 to 1024")]
    [InlineData("--memory-mib", "2048", "--memory-mib must be a power of two from 1 to 1024")]
    [InlineData("--memory-mib", "0", "--memory-mib must be a power of two")]
    [InlineData("--seconds", "0", "--seconds must be a number above 0")]
    [InlineData("--seconds", "-1", "--seconds must be a number above 0")]
    [InlineData("--seconds", "abc", "--seconds must be a number above 0")]
    public void BadValue_ExitsTwo(string option, string value, string message)
    {
        CliRun run = CliRun.Of("vdf", "bench", option, value);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }
}
