// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OrleansProofs.Cli.Gateway;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc blocks show [HEIGHT|latest]</c> (<c>GET /api/blocks/{height}</c> or <c>/latest</c>) and
/// <c>posc stats</c> (<c>GET /api/network/stats</c>): what the node recorded, as a summary or, with
/// <c>--json</c>, the gateway's JSON.
/// </summary>
public static class BlocksCommands
{
    /// <summary>Builds <c>blocks</c> and <c>blocks show</c>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Argument<string> height = new("height")
        {
            Description = "A block height, or 'latest' (the default).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "latest",
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "latest";
                if (token.Equals("latest", StringComparison.OrdinalIgnoreCase))
                {
                    return "latest";
                }

                if (ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
                {
                    return value.ToString(CultureInfo.InvariantCulture);
                }

                result.AddError($"the height must be a whole number or 'latest'; got '{token}'.");
                return "latest";
            },
        };
        Command show = new("show", "Show a recorded block: hashes, roots, chains and faults, signer and signature, where its time went (GET /api/blocks/{height|latest}).") { height };
        GatewayCommand.SetAction(show, context, (parseResult, client, output, cancellationToken) =>
            ShowAsync(client, output, parseResult.GetRequiredValue(height), cancellationToken));
        Command blocks = new("blocks", "Show the blocks a gateway's node recorded.") { show };
        context.Gateway.AddTo(blocks);
        return blocks;
    }

    /// <summary>Builds <c>stats</c>.</summary>
    public static Command CreateStats(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Command stats = new("stats", "Show the network's counters: chains by status, groups, regions, the latest block and the retained range (GET /api/network/stats).");
        context.Gateway.AddTo(stats);
        GatewayCommand.SetAction(stats, context, (_, client, output, cancellationToken) => StatsAsync(client, output, cancellationToken));
        return stats;
    }

    private static async Task<int> ShowAsync(GatewayClient client, ConsoleOutput output, string height, CancellationToken cancellationToken)
    {
        JsonNode block = await client.GetJsonAsync("api/blocks/" + height, cancellationToken).ConfigureAwait(false);
        if (output.Json)
        {
            output.WriteJson(block);
            return ExitCodes.Valid;
        }

        JsonNode? timings = block["timings"];
        TextTable.WritePairs(output.Out,
        [
            ("height", Str(block, "height")),
            ("block hash", Str(block, "blockHash")),
            ("timestamp", GatewayCommand.Time(GatewayCommand.Number(block, "timestamp"))),
            ("beacon", Str(block, "beacon")),
            ("global root", Str(block, "globalRoot")),
            ("previous root", Str(block, "previousGlobalRoot")),
            ("chains", $"{Str(block, "totalChains")} covered, {Str(block, "faults")} faults"),
            ("hierarchy", $"{block["groups"]?.AsArray().Count ?? 0} groups, {block["regions"]?.AsArray().Count ?? 0} regions"),
            ("vdf", $"{Str(block, "vdfIterations")} iterations"),
            ("signer", Str(block, "proverPublicKey")),
            ("signature", Str(block, "signature")),
            ("time (ms)", $"total {Ms(timings, "totalMs")} = commit {Ms(timings, "commitMs")} + hierarchy {Ms(timings, "hierarchyMs")} + sign {Ms(timings, "signMs")}"),
        ]);
        return ExitCodes.Valid;
    }

    private static async Task<int> StatsAsync(GatewayClient client, ConsoleOutput output, CancellationToken cancellationToken)
    {
        JsonNode stats = await client.GetJsonAsync("api/network/stats", cancellationToken).ConfigureAwait(false);
        if (output.Json)
        {
            output.WriteJson(stats);
            return ExitCodes.Valid;
        }

        TextTable.WritePairs(output.Out,
        [
            ("network", $"{Str(stats, "network")} (profile {Str(stats, "profile")})"),
            ("prover key", Str(stats, "proverPublicKey")),
            ("chains", $"{Str(stats, "totalChains")} ({Str(stats, "activeChains")} active, {Str(stats, "pendingChains")} pending)"),
            ("hierarchy", $"{Str(stats, "totalGroups")} groups, {Str(stats, "totalRegions")} regions"),
            ("latest block", GatewayCommand.Number(stats, "latestHeight") is null ? "none yet" : $"{Str(stats, "latestHeight")}, {Str(stats, "latestFaults")} faults, global root {Str(stats, "latestGlobalRoot")}"),
            ("retained", $"{Str(stats, "retainedBlocks")} blocks from {Str(stats, "oldestRetainedHeight")}"),
        ]);
        return ExitCodes.Valid;
    }

    private static string Str(JsonNode? node, string name) => TextTable.Cell(node?[name]);

    private static string Ms(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue(out double ms) ? ms.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
