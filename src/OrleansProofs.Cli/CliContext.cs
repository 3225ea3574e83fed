// SPDX-License-Identifier: MIT

using System.CommandLine;

namespace OrleansProofs.Cli;

/// <summary>
/// What every command needs from one run: the writers, whether stderr is a terminal, and the
/// options every command accepts (<c>--json</c>, <c>--verbose</c>).
/// </summary>
public sealed class CliContext
{
    /// <summary>Creates the context for one run.</summary>
    public CliContext(TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        Stdout = stdout;
        Stderr = stderr;
        StderrIsTerminal = stderrIsTerminal;
    }

    /// <summary>The result writer.</summary>
    public TextWriter Stdout { get; }

    /// <summary>The error and progress writer.</summary>
    public TextWriter Stderr { get; }

    /// <summary>True when progress bars may be drawn on <see cref="Stderr"/>.</summary>
    public bool StderrIsTerminal { get; }

    /// <summary>
    /// Reads an environment variable (<c>POSC_GATEWAY</c>, <c>POSC_API_KEY</c>); the process
    /// environment by default, replaced by tests so parallel runs do not share global state.
    /// </summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The options of the commands that talk to a gateway (<c>--gateway</c>, <c>--api-key</c>, <c>--api-key-file</c>).</summary>
    public Gateway.GatewayOptions Gateway { get; } = new();

    /// <summary><c>--json</c>: print results as one JSON document (camelCase) on stdout.</summary>
    public Option<bool> JsonOption { get; } = new("--json")
    {
        Description = "Print the result as one JSON document (camelCase) on stdout, for scripts.",
        Recursive = true,
    };

    /// <summary><c>--verbose</c>: print stack traces with unexpected errors.</summary>
    public Option<bool> VerboseOption { get; } = new("--verbose")
    {
        Description = "Print the stack trace of unexpected errors.",
        Recursive = true,
    };

    /// <summary>The output for a parsed command line.</summary>
    public ConsoleOutput Output(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new ConsoleOutput(
            Stdout,
            Stderr,
            parseResult.GetValue(JsonOption),
            parseResult.GetValue(VerboseOption),
            StderrIsTerminal);
    }
}
