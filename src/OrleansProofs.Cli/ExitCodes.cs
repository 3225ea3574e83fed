// SPDX-License-Identifier: MIT

namespace OrleansProofs.Cli;

/// <summary>
/// The exit codes scripts can rely on. Every command returns one of these and nothing else.
/// </summary>
public static class ExitCodes
{
    /// <summary>The input is valid (or the command did what it was asked).</summary>
    public const int Valid = 0;

    /// <summary>The input was read and is invalid; the first failure is named on the output.</summary>
    public const int Invalid = 1;

    /// <summary>The command line is wrong, or an input file is missing, unreadable or not a known format.</summary>
    public const int UsageOrUnreadable = 2;
}
