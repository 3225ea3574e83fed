// SPDX-License-Identifier: MIT

using System.CommandLine;

namespace OrleansProofs.Cli.Tests;

/// <summary>
/// Verifies the exit-code contract of <see cref="Program.Run(string[], TextWriter, TextWriter)"/> itself:
/// help exits 0, every parse error (unknown command or option, missing command or argument) exits 2
/// with the error and a usage hint on stderr and nothing on stdout; a command's failures map to their
/// exit code — <see cref="CliException"/> as given, I/O errors and unexpected exceptions to 2 with the
/// message and no stack trace unless <c>--verbose</c>.
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

    [Fact]
    public void CliException_ExitsWithItsCode_AndOneLine()
    {
        (int exitCode, string stdout, string stderr) = Throwing(new CliException(ExitCodes.Invalid, "the thing is invalid"));

        Assert.Equal(ExitCodes.Invalid, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("posc: the thing is invalid" + Environment.NewLine, stderr);
    }

    [Fact]
    public void IOException_ExitsTwo_AsUnreadableInput()
    {
        (int exitCode, _, string stderr) = Throwing(new IOException("disk on fire"));

        Assert.Equal(ExitCodes.UsageOrUnreadable, exitCode);
        Assert.Equal("posc: cannot read input: disk on fire" + Environment.NewLine, stderr);
    }

    [Fact]
    public void UnexpectedException_ExitsTwo_WithoutStackTrace()
    {
        (int exitCode, _, string stderr) = Throwing(new InvalidOperationException("boom"));

        Assert.Equal(ExitCodes.UsageOrUnreadable, exitCode);
        Assert.Equal("posc: InvalidOperationException: boom" + Environment.NewLine, stderr);
    }

    [Fact]
    public void UnexpectedException_WithVerbose_AddsTheStackTrace()
    {
        (int exitCode, _, string stderr) = Throwing(new InvalidOperationException("boom"), "--verbose");

        Assert.Equal(ExitCodes.UsageOrUnreadable, exitCode);
        Assert.StartsWith("posc: InvalidOperationException: boom", stderr, StringComparison.Ordinal);
        Assert.Contains(" at ", stderr, StringComparison.Ordinal);
        Assert.Contains(nameof(Throwing), stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs a root command whose only command throws <paramref name="exception"/>.</summary>
    private static (int ExitCode, string Stdout, string Stderr) Throwing(Exception exception, params string[] extra)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        CliContext context = new(stdout, stderr, stderrIsTerminal: false);
        RootCommand root = new("test");
        root.Options.Add(context.JsonOption);
        root.Options.Add(context.VerboseOption);
        Command fail = new("fail");
        fail.SetAction(_ => ThrowIt(exception));
        root.Subcommands.Add(fail);

        int exitCode = Program.Execute(root, ["fail", .. extra], context);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static int ThrowIt(Exception exception) => throw exception;
}
