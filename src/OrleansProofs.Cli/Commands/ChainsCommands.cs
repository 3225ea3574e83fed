// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OrleansProofs.Cli.Gateway;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc chains add|list|show|remove</c>: the gateway's chain endpoints (docs/api.md) — register a
/// file (ChainsAddCommand.cs), page through the chains, show one, schedule a removal. With
/// <c>--json</c> each prints the gateway's JSON answer; otherwise a table or a summary.
/// </summary>
public static class ChainsCommands
{
    /// <summary>Builds <c>chains</c> and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Command chains = new("chains", "Register, list, show and remove chains on a gateway (--gateway URL, default $POSC_GATEWAY or http://127.0.0.1:8080).")
        {
            ChainsAddCommand.Create(context),
            CreateList(context),
            CreateShow(context),
            CreateRemove(context),
        };
        context.Gateway.AddTo(chains);
        return chains;
    }

    private static Command CreateList(CliContext context)
    {
        Option<string?> status = new("--status") { Description = "Only chains in this status (pending, active, removing, removed, expired).", HelpName = "status" };
        Option<int?> limit = new("--limit") { Description = "Chains per page, 1–1000 (gateway default 100).", HelpName = "n" };
        Option<string?> after = new("--after") { Description = "Start after this chain id (the previous page's next cursor).", HelpName = "chainId" };
        Option<bool> all = new("--all") { Description = "Follow the next cursor to the last page and print every chain." };
        Command list = new("list", "List chains in chain id order, a page at a time (GET /api/chains).") { status, limit, after, all };
        GatewayCommand.SetAction(list, context, (parseResult, client, output, cancellationToken) => ListAsync(
            client, output, parseResult.GetValue(status), parseResult.GetValue(limit), parseResult.GetValue(after), parseResult.GetValue(all), cancellationToken));
        return list;
    }

    private static Command CreateShow(CliContext context)
    {
        Argument<string> chainId = new("chain-id") { Description = "The chain id, 64 hex characters." };
        Command show = new("show", "Show a chain: status, registration, placement, head, retention, metadata, removal and proof window (GET /api/chains/{id}).") { chainId };
        GatewayCommand.SetAction(show, context, (parseResult, client, output, cancellationToken) =>
            ShowAsync(client, output, parseResult.GetRequiredValue(chainId), cancellationToken));
        return show;
    }

    private static Command CreateRemove(CliContext context)
    {
        Argument<string> chainId = new("chain-id") { Description = "The chain id, 64 hex characters." };
        Option<string?> reason = new("--reason") { Description = "Why the chain is removed (recorded; at most 256 characters).", HelpName = "text" };
        Option<bool> noArchive = new("--no-archive") { Description = "Do not export the chain's records and metadata to the node's archive folder at removal (posc archives by default)." };
        Command remove = new("remove", "Schedule a chain's removal after the profile's removal delay (DELETE /api/chains/{id}; operator key).") { chainId, reason, noArchive };
        GatewayCommand.SetAction(remove, context, (parseResult, client, output, cancellationToken) => RemoveAsync(
            client, output, parseResult.GetRequiredValue(chainId), parseResult.GetValue(reason), !parseResult.GetValue(noArchive), cancellationToken));
        return remove;
    }

    private static async Task<int> ListAsync(GatewayClient client, ConsoleOutput output, string? status, int? limit, string? after, bool all, CancellationToken cancellationToken)
    {
        JsonArray items = [];
        string? next = after;
        using (ProgressBar progress = output.StartProgress("listing chains"))
        {
            do
            {
                StringBuilder query = new("api/chains");
                char separator = '?';
                foreach ((string name, string? value) in new[] { ("status", status), ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("after", next) })
                {
                    if (value is not null)
                    {
                        query.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                        separator = '&';
                    }
                }

                JsonNode page = await client.GetJsonAsync(query.ToString(), cancellationToken).ConfigureAwait(false);
                foreach (JsonNode? item in page["items"]?.AsArray() ?? [])
                {
                    items.Add(item?.DeepClone());
                }

                next = GatewayCommand.String(page, "next");
                progress.SetPhase($"listing chains: {items.Count}");
            }
            while (all && next is not null);
        }

        if (output.Json)
        {
            output.WriteJson(new JsonObject { ["items"] = items, ["next"] = next });
            return ExitCodes.Valid;
        }

        if (items.Count == 0)
        {
            output.Line(status is null ? "no chains." : $"no chains with status {status}.");
        }
        else
        {
            TextTable table = new("CHAIN ID", "STATUS", "GROUP", "REGION", "ANCHOR", "LENGTH", "HEAD", "FAULTS", "RETENTION");
            foreach (JsonNode? item in items)
            {
                table.Add([.. new[] { "chainId", "status", "groupId", "regionId", "anchorHeight", "chainLength", "headHeight", "faults", "retentionPolicy" }
                    .Select(name => TextTable.Cell(item?[name]))]);
            }

            table.WriteTo(output.Out);
        }

        if (next is not null)
        {
            output.Line($"more chains: posc chains list --after {next}" + (status is null ? string.Empty : $" --status {status}") + " (or --all)");
        }

        return ExitCodes.Valid;
    }

    private static async Task<int> ShowAsync(GatewayClient client, ConsoleOutput output, string chainId, CancellationToken cancellationToken)
    {
        JsonNode chain = await client.GetJsonAsync("api/chains/" + GatewayCommand.Segment(chainId), cancellationToken).ConfigureAwait(false);
        if (output.Json)
        {
            output.WriteJson(chain);
            return ExitCodes.Valid;
        }

        List<(string, string)> lines =
        [
            ("chain", Str(chain, "chainId")),
            ("status", Str(chain, "status")),
            ("data hash", Str(chain, "dataHash")),
            ("file", $"{Str(chain, "fileLength")} bytes, {Str(chain, "totalChunks")} chunks (encoding v{Str(chain, "encodingVersion")}, work factor {Str(chain, "workFactor")})"),
            ("replica root", Str(chain, "replicaRoot")),
            ("prover key", Str(chain, "proverPublicKey")),
            ("anchor", $"block {Str(chain, "anchorHeight")} ({Str(chain, "anchorBlockHash")}); first block {Str(chain, "activationBlock")}"),
            ("placement", $"group {Str(chain, "groupId")}, region {Str(chain, "regionId")}"),
            ("head", $"height {Str(chain, "headHeight")}, {Str(chain, "chainLength")} records, {Str(chain, "faults")} faults"),
            ("head commitment", Str(chain, "headCommitment")),
            ("retention", Str(chain, "retentionPolicy")),
        ];
        if (chain["metadata"] is JsonObject metadata && metadata.Count > 0)
        {
            // Sorted: the node keeps metadata in a hashed dictionary, whose order differs from run to run.
            lines.Add(("metadata", string.Join(", ", metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={TextTable.Cell(pair.Value)}"))));
        }

        if (GatewayCommand.Number(chain, "removalHeight") is { } removal)
        {
            string why = GatewayCommand.String(chain, "removalReason") is { Length: > 0 } text ? $": {text}" : string.Empty;
            lines.Add(("removal", $"{GatewayCommand.String(chain, "removalKind")} at block {removal}{why}; archive {(GatewayCommand.Flag(chain, "archive") ? "yes" : "no")}"));
        }

        JsonArray window = chain["commitments"]?.AsArray() ?? [];
        lines.Add(("proof window", window.Count == 0
            ? "empty (no block has covered the chain yet)"
            : $"{window.Count} records, heights {Str(window[0], "height")}–{Str(window[^1], "height")}, {window.Count(r => GatewayCommand.String(r, "kind") == "gap")} gaps"));
        TextTable.WritePairs(output.Out, lines);
        return ExitCodes.Valid;
    }

    private static async Task<int> RemoveAsync(GatewayClient client, ConsoleOutput output, string chainId, string? reason, bool archive, CancellationToken cancellationToken)
    {
        JsonObject body = new() { ["archive"] = archive };
        if (reason is not null)
        {
            body["reason"] = reason;
        }

        using HttpRequestMessage request = new(HttpMethod.Delete, "api/chains/" + GatewayCommand.Segment(chainId))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using HttpResponseMessage response = await client.SendAsync(request, operatorKey: true, GatewayClient.RequestTimeout, cancellationToken).ConfigureAwait(false);
        JsonNode removal = await client.ReadJsonAsync(response, request.RequestUri!.ToString(), cancellationToken).ConfigureAwait(false);
        if (output.Json)
        {
            output.WriteJson(removal);
            return ExitCodes.Valid;
        }

        ulong? block = GatewayCommand.Number(removal, "removalBlock");
        output.Line($"removal of chain {Str(removal, "chainId")} scheduled at block {block}: it commits through block {block - 1} and is not covered from {block} on.");
        output.Line(GatewayCommand.Flag(removal, "archived")
            ? "its records and metadata will be exported to the node's archive/" + Str(removal, "chainId") + "/ at that block."
            : "no archive will be written (--no-archive).");
        return ExitCodes.Valid;
    }

    private static string Str(JsonNode? node, string name) => TextTable.Cell(node?[name]);
}
