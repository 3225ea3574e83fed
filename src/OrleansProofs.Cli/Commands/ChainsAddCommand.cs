// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OrleansProofs.Cli.Gateway;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc chains add FILE [--path] [--retention-policy P] [--metadata k=v …]</c>: registers a data
/// file with the gateway's <c>POST /api/chains</c> (operator key). By default FILE is a local file,
/// streamed as a multipart upload with a progress bar of the bytes sent; with <c>--path</c> FILE names
/// a file already on the node's data volume (relative to its data folder), sent as JSON <c>{ path }</c>.
/// The retention policy and metadata are checked by the gateway, whose problem names the field.
/// </summary>
public static class ChainsAddCommand
{
    /// <summary>Builds <c>chains add</c>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Argument<string> file = new("file") { Description = "The data file to upload (or, with --path, a path on the node's data volume)." };
        Option<bool> onNode = new("--path")
        {
            Description = "FILE is a path on the node's data volume, relative to its data folder: register it without uploading.",
        };
        Option<string?> retention = new("--retention-policy")
        {
            Description = "default (365 days), archival (2,555 days) or temporary (30 days).",
            HelpName = "policy",
        };
        Option<string[]> metadata = new("--metadata")
        {
            Description = "An operator label key=value (repeat for more; at most 16).",
            HelpName = "key=value",
            Arity = ArgumentArity.ZeroOrMore,
        };
        Command add = new("add", "Register a data file: upload it (multipart, with progress), or name one on the node's data volume with --path (POST /api/chains; operator key).")
        {
            file, onNode, retention, metadata,
        };
        GatewayCommand.SetAction(add, context, (parseResult, client, output, cancellationToken) => AddAsync(
            client,
            output,
            parseResult.GetRequiredValue(file),
            parseResult.GetValue(onNode),
            parseResult.GetValue(retention),
            ParseMetadata(parseResult.GetValue(metadata) ?? []),
            cancellationToken));
        return add;
    }

    /// <summary>Parses <c>key=value</c> labels; a label without '=' or a repeated key is a usage failure.</summary>
    internal static JsonObject? ParseMetadata(string[] labels)
    {
        if (labels.Length == 0)
        {
            return null;
        }

        JsonObject metadata = [];
        foreach (string label in labels)
        {
            int equals = label.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw CliException.Usage($"--metadata takes key=value; got '{label}'.");
            }

            string key = label[..equals];
            if (metadata.ContainsKey(key))
            {
                throw CliException.Usage($"--metadata key '{key}' is given more than once.");
            }

            metadata[key] = label[(equals + 1)..];
        }

        return metadata;
    }

    private static async Task<int> AddAsync(
        GatewayClient client, ConsoleOutput output, string file, bool onNode, string? retention, JsonObject? metadata, CancellationToken cancellationToken)
    {
        JsonNode registered;
        HttpStatusCode status;
        if (onNode)
        {
            JsonObject body = new() { ["path"] = file };
            if (retention is not null)
            {
                body["retentionPolicy"] = retention;
            }

            if (metadata is not null)
            {
                body["metadata"] = metadata;
            }

            using HttpRequestMessage request = new(HttpMethod.Post, "api/chains") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
            using ProgressBar progress = output.StartProgress("registering (the node hashes and encodes the file)");
            using HttpResponseMessage response = await client.SendAsync(request, operatorKey: true, timeout: null, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            registered = await client.ReadJsonAsync(response, "api/chains", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (registered, status) = await UploadAsync(client, output, InputFiles.RequireFile(file, "data file"), retention, metadata, cancellationToken).ConfigureAwait(false);
        }

        if (output.Json)
        {
            output.WriteJson(registered);
            return ExitCodes.Valid;
        }

        bool existed = status == HttpStatusCode.OK || GatewayCommand.Flag(registered, "alreadyRegistered");
        output.Line((existed ? "already registered: chain " : "registered chain ") + GatewayCommand.String(registered, "chainId"));
        TextTable.WritePairs(output.Out,
        [
            ("  anchor", $"block {GatewayCommand.Number(registered, "anchorHeight")}; first block {GatewayCommand.Number(registered, "activationBlock")}"),
            ("  placement", $"group {GatewayCommand.Number(registered, "groupId")}, region {GatewayCommand.Number(registered, "regionId")}"),
            ("  chunks", $"{GatewayCommand.Number(registered, "totalChunks")} (replica root {GatewayCommand.String(registered, "replicaRoot")})"),
            ("  retention", GatewayCommand.String(registered, "retentionPolicy") ?? "-"),
        ]);
        return ExitCodes.Valid;
    }

    /// <summary>Streams <paramref name="path"/> as the <c>file</c> part, the bar following the bytes sent, then waiting on the registration.</summary>
    private static async Task<(JsonNode Registered, HttpStatusCode Status)> UploadAsync(
        GatewayClient client, ConsoleOutput output, string path, string? retention, JsonObject? metadata, CancellationToken cancellationToken)
    {
        string name = Path.GetFileName(path);
        using ProgressBar progress = output.StartProgress($"uploading {name}");
        using MultipartFormDataContent form = [];
        ProgressFileContent content = new(path, (sent, total) =>
        {
            progress.Report(sent, total);
            if (sent == total)
            {
                progress.SetPhase($"uploaded {name}; the node hashes, encodes and registers it");
            }
        });
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        if (retention is not null)
        {
            form.Add(new StringContent(retention, Encoding.UTF8), "retentionPolicy");
        }

        if (metadata is not null)
        {
            form.Add(new StringContent(metadata.ToJsonString(), Encoding.UTF8, "application/json"), "metadata");
        }

        using HttpRequestMessage request = new(HttpMethod.Post, "api/chains") { Content = form };
        using HttpResponseMessage response = await client.SendAsync(request, operatorKey: true, timeout: null, cancellationToken).ConfigureAwait(false);
        return (await client.ReadJsonAsync(response, "api/chains", cancellationToken).ConfigureAwait(false), response.StatusCode);
    }
}
