// SPDX-License-Identifier: MIT

namespace OrleansProofs.Cli;

/// <summary>
/// A failure a command reports to the user as one line on stderr with a chosen exit code
/// (a missing file, a refused overwrite, an unrecognised input). Never carries a stack trace.
/// </summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception with the exit code the process should return.</summary>
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The exit code, one of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; }

    /// <summary>A usage or unreadable-input failure (exit code 2).</summary>
    public static CliException Usage(string message) => new(ExitCodes.UsageOrUnreadable, message);
}
