// SPDX-License-Identifier: MIT

using System.Text.Json;

namespace OrleansProofs.Cli.Tests;

/// <summary>One in-process run of posc: exit code and captured output.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs posc with an empty environment (a POSC_GATEWAY or POSC_API_KEY of the machine never leaks in).</summary>
    public static CliRun Of(params string[] args) => With(new Dictionary<string, string?>(), args);

    /// <summary>Runs posc with <paramref name="environment"/> as its only environment variables.</summary>
    public static CliRun With(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        CliContext context = new(stdout, stderr, stderrIsTerminal: false) { GetEnvironmentVariable = name => environment.GetValueOrDefault(name) };
        int exitCode = Program.Execute(Program.BuildRootCommand(context), args, context);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Stdout parsed as one JSON document.</summary>
    public JsonElement Json()
    {
        using JsonDocument document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Stdout}stderr:{Environment.NewLine}{Stderr}";
}
