// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace OrleansProofs.Cli.Gateway;

/// <summary>What every gateway command does around its requests: resolve the gateway, open a client, run, close it.</summary>
internal static class GatewayCommand
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="run"/> with a client for the gateway the command line names.</summary>
    public static void SetAction(Command command, CliContext context, Func<ParseResult, GatewayClient, ConsoleOutput, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            ConsoleOutput output = context.Output(parseResult);
            GatewayTarget target = context.Gateway.Resolve(parseResult, context);
            using GatewayClient client = new(target, output);
            return await run(parseResult, client, output, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>A path segment escaped for a URL (a chain id as typed, so the gateway names what is wrong with it).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>A JSON member's string value, or null.</summary>
    public static string? String(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>A JSON member's unsigned value, or null.</summary>
    public static ulong? Number(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue(out ulong number) ? number : null;

    /// <summary>A JSON member's boolean value, or false.</summary>
    public static bool Flag(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue(out bool flag) && flag;

    /// <summary>A Unix timestamp as UTC text.</summary>
    public static string Time(ulong? unixSeconds) => unixSeconds is { } seconds && seconds <= 253_402_300_799
        ? DateTimeOffset.FromUnixTimeSeconds((long)seconds).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + $" ({seconds})"
        : unixSeconds?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
