// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.CommandLine.Invocation;
using OrleansProofs.Cli.Commands;
using OrleansProofs.Cli.Inspection;

namespace OrleansProofs.Cli;

/// <summary>
/// The <c>posc</c> entry point: builds the command tree and maps every outcome to an
/// <see cref="ExitCodes"/> value — parse errors and unreadable input to 2 with a message on stderr,
/// unexpected exceptions to 2 without a stack trace unless <c>--verbose</c>.
/// </summary>
public static class Program
{
    /// <summary>Process entry point.</summary>
    public static int Main(string[] args) =>
        Run(args, Console.Out, Console.Error, stderrIsTerminal: !Console.IsErrorRedirected);

    /// <summary>Runs posc in-process with the given writers and no progress bars (for tests and embedding).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, stderrIsTerminal: false);

    /// <summary>Runs posc in-process; progress bars are drawn on <paramref name="stderr"/> only when <paramref name="stderrIsTerminal"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(args);
        CliContext context = new(stdout, stderr, stderrIsTerminal);
        return Execute(BuildRootCommand(context), args, context);
    }

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="root"/> and invokes the command, mapping
    /// parse errors, <see cref="CliException"/>, I/O errors and unexpected exceptions to exit codes.
    /// </summary>
    internal static int Execute(RootCommand root, string[] args, CliContext context)
    {
        TextWriter stdout = context.Stdout;
        TextWriter stderr = context.Stderr;
        ParseResult parseResult = root.Parse(args);

        bool errorsCleared = parseResult.Action is CommandLineAction { ClearsParseErrors: true };
        if (parseResult.Errors.Count > 0 && !errorsCleared)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parseResult.Errors)
            {
                stderr.WriteLine("posc: " + error.Message);
            }

            string command = string.Join(' ', CommandPath(parseResult.CommandResult.Command));
            stderr.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.UsageOrUnreadable;
        }

        ConsoleOutput output = context.Output(parseResult);
        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException e)
        {
            output.ErrorLine(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.ErrorLine("cannot read input: " + e.Message);
            WriteStackTrace(output, e);
            return ExitCodes.UsageOrUnreadable;
        }
        catch (Exception e)
        {
            output.ErrorLine($"{e.GetType().Name}: {e.Message}");
            WriteStackTrace(output, e);
            return ExitCodes.UsageOrUnreadable;
        }
    }

    /// <summary>Builds the full command tree over <paramref name="context"/>.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RootCommand root = new("posc — proof-of-storage-continuity tool. Exit codes: 0 valid/ok, 1 invalid (first failure named) or refused by the gateway (4xx), 2 usage or unreadable input, 3 gateway unreachable or failing (5xx).");
        root.Options.Add(context.JsonOption);
        root.Options.Add(context.VerboseOption);
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(LegacyCommands.Create(context));
        root.Subcommands.Add(InspectCommand.Create(context, FileInspectors.Default));
        root.Subcommands.Add(KeygenCommand.Create(context));
        root.Subcommands.Add(VdfCommands.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(ChainsCommands.Create(context));
        root.Subcommands.Add(ProofsCommands.Create(context));
        root.Subcommands.Add(BlocksCommands.Create(context));
        root.Subcommands.Add(BlocksCommands.CreateStats(context));
        return root;
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        Stack<string> names = new();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(current is RootCommand ? "posc" : current.Name);
        }

        return names;
    }

    private static void WriteStackTrace(ConsoleOutput output, Exception e)
    {
        if (output.Verbose)
        {
            output.Error.WriteLine(e.ToString());
        }
    }
}
