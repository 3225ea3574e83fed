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

    /// <summary>
    /// A gateway command: the gateway refused the request with a 4xx problem (bad input, unknown
    /// chain, missing operator key, conflict). Same value as <see cref="Invalid"/>: the request was
    /// answered and the answer is "no".
    /// </summary>
    public const int GatewayRefused = 1;

    /// <summary>The command line is wrong, or an input file is missing, unreadable or not a known format.</summary>
    public const int UsageOrUnreadable = 2;

    /// <summary>
    /// A gateway command: the gateway could not be reached (connection refused, name not resolved,
    /// timeout) or answered with a 5xx (the node behind it failed): trying again later may work.
    /// </summary>
    public const int GatewayUnavailable = 3;
}
