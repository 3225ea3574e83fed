// SPDX-License-Identifier: MIT

namespace OrleansProofs.Cli.Tests;

/// <summary>
/// Verifies the exit-code contract of <see cref="Program.Run(string[], TextWriter, TextWriter)"/> itself:
/// help exits 0, every parse error (unknown command or option, missing command or argument) exits 2
/// with the error and a usage hint on stderr and nothing on stdout.
/// </summary>
public sealed class ProgramTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("legacy", "verify", "--help")]
    [InlineData("keygen", "-h")]
    public void Help_ExitsZero_OnStdout(params string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(ExitCodes.Valid, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Theory]
    [InlineData(new string[0], "Required command was not provided.", "posc")]
    [InlineData(new[] { "--frobnicate" }, "'--frobnicate'", "posc")]
    [InlineData(new[] { "frobnicate" }, "'frobnicate'", "posc")]
    [InlineData(new[] { "legacy" }, "Required command was not provided.", "posc legacy")]
    [InlineData(new[] { "legacy", "verify" }, "Required argument missing", "posc legacy verify")]
    [InlineData(new[] { "inspect", "a", "b" }, "'b'", "posc inspect")]
    public void ParseErrors_ExitTwo_WithMessageAndUsageHint(string[] args, string message, string command)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Run '{command} --help' for usage.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCodes_AreTheDocumentedValues()
    {
        Assert.Equal(0, ExitCodes.Valid);
        Assert.Equal(1, ExitCodes.Invalid);
        Assert.Equal(2, ExitCodes.UsageOrUnreadable);
    }
}
