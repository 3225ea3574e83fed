// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OrleansProofs.Cli.Gateway;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc proofs get CHAIN --format F [--height H] [--nonce N] [-o FILE] [--blocks-out FILE]</c>:
/// downloads a binary proof from <c>GET /api/chains/{id}/proofs/{format}</c> into a file that
/// <c>posc verify</c> checks offline. An ultra-compact claim needs the auditor's nonce; without
/// <c>--nonce</c> a fresh random one is drawn and printed (the verifier needs it). <c>--blocks-out</c>
/// also writes the node's records of the blocks the proof refers to in <c>--block-hashes</c> format —
/// a self-check of the node; an independent auditor takes the blocks from its own layer-1 source.
/// </summary>
public static class ProofsCommands
{
    /// <summary>Builds <c>proofs</c> and <c>proofs get</c>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Argument<string> chainId = new("chain-id") { Description = "The chain id, 64 hex characters." };
        Option<ProofFormat> format = new("--format")
        {
            Description = $"The proof format: {string.Join(", ", ProofFormatNames.All)}.",
            HelpName = string.Join('|', ProofFormatNames.All),
            Required = true,
            CustomParser = result =>
            {
                string token = SingleToken(result);
                if (ProofFormatNames.TryParse(token, out ProofFormat parsed))
                {
                    return parsed;
                }

                result.AddError($"--format must be one of {string.Join(", ", ProofFormatNames.All)}; got '{token}'.");
                return default;
            },
        };
        Option<ulong?> height = new("--height") { Description = "The block the proof is for (default: the chain's newest recorded one; must be in its proof window).", HelpName = "h" };
        Option<AuditorNonce?> nonce = NonceOption.Create($"Ultra-compact only: the auditor's 12-byte nonce, {2 * AuditorNonce.Size} hex characters (default: a fresh random one, printed).");
        Option<string?> output = new("--out", "-o") { Description = "Where to write the proof (default: the gateway's name, {chainId}-{height}.{format}.proof, in the current folder).", HelpName = "file" };
        Option<string?> blocksOut = new("--blocks-out")
        {
            Description = "Also write the node's records of the blocks the proof refers to, in posc verify --block-hashes format (a self-check: an auditor uses its own layer-1 source).",
            HelpName = "file",
        };
        Option<bool> force = new("--force") { Description = "Replace existing output files." };
        Command get = new("get", "Download a proof (binary) to a file that 'posc verify' checks offline (GET /api/chains/{id}/proofs/{format}).")
        {
            chainId, format, height, nonce, output, blocksOut, force,
        };
        GatewayCommand.SetAction(get, context, (parseResult, client, console, cancellationToken) => GetAsync(
            client,
            console,
            new ProofRequest(
                parseResult.GetRequiredValue(chainId),
                parseResult.GetRequiredValue(format),
                parseResult.GetValue(height),
                parseResult.GetValue(nonce),
                parseResult.GetValue(output),
                parseResult.GetValue(blocksOut),
                parseResult.GetValue(force)),
            cancellationToken));
        Command proofs = new("proofs", "Download proofs from a gateway.") { get };
        context.Gateway.AddTo(proofs);
        return proofs;
    }

    private static string SingleToken(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;

    private static async Task<int> GetAsync(GatewayClient client, ConsoleOutput output, ProofRequest request, CancellationToken cancellationToken)
    {
        if (request.Nonce is not null && request.Format != ProofFormat.UltraCompact)
        {
            throw CliException.Usage($"--nonce applies only to ultra-compact claims; the {request.Format.ToName()} format takes none.");
        }

        AuditorNonce? nonce = request.Format == ProofFormat.UltraCompact ? request.Nonce ?? AuditorNonce.Random() : null;
        if (request.OutputFile is { } given)
        {
            RequireWritable(given, request.Force);
        }

        if (request.BlocksFile is { } blocksGiven)
        {
            RequireWritable(blocksGiven, request.Force);
        }

        StringBuilder path = new($"api/chains/{GatewayCommand.Segment(request.ChainId)}/proofs/{request.Format.ToName()}");
        char separator = '?';
        if (request.Height is { } at)
        {
            path.Append(separator).Append("height=").Append(at.ToString(CultureInfo.InvariantCulture));
            separator = '&';
        }

        if (nonce is { } n)
        {
            path.Append(separator).Append("nonce=").Append(n.ToString());
        }

        byte[] proof;
        ulong height;
        string suggested;
        using (HttpRequestMessage get = new(HttpMethod.Get, path.ToString()))
        {
            get.Headers.Accept.ParseAdd("application/octet-stream");
            using HttpResponseMessage response = await client.SendAsync(get, operatorKey: false, GatewayClient.RequestTimeout, cancellationToken).ConfigureAwait(false);
            proof = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            height = response.Headers.TryGetValues("X-Proof-Height", out IEnumerable<string>? values)
                && ulong.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong h)
                ? h
                : throw new CliException(ExitCodes.GatewayUnavailable, $"{client.BaseAddress} answered the proof without an X-Proof-Height header; is it a posc gateway?");
            suggested = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
                ?? $"{request.ChainId}-{height}.{request.Format.ToName()}.proof";
        }

        string file = Path.GetFullPath(request.OutputFile ?? Path.GetFileName(suggested));
        if (request.OutputFile is null)
        {
            RequireWritable(file, request.Force);
        }

        await File.WriteAllBytesAsync(file, proof, cancellationToken).ConfigureAwait(false);
        string? blocksFile = null;
        if (request.BlocksFile is not null)
        {
            blocksFile = Path.GetFullPath(request.BlocksFile);
            await WriteBlocksAsync(client, BlockHeights(request.Format, proof, height), blocksFile, cancellationToken).ConfigureAwait(false);
        }

        JsonNode stats = await client.GetJsonAsync("api/network/stats", cancellationToken).ConfigureAwait(false);
        ProofDownload result = new(
            request.Format.ToName(),
            request.ChainId,
            height,
            proof.Length,
            Convert.ToHexStringLower(SHA256.HashData(proof)),
            file,
            nonce?.ToString(),
            blocksFile,
            GatewayCommand.String(stats, "proverPublicKey"),
            GatewayCommand.String(stats, "profile"));
        if (output.Json)
        {
            output.WriteJson(result);
            return ExitCodes.Valid;
        }

        output.Line($"wrote {result.Format} proof of chain {result.ChainId} at height {height} ({proof.Length} bytes) to {file}");
        if (result.Nonce is not null)
        {
            output.Line($"nonce: {result.Nonce} (the verifier needs it, with a path proof for the same height)");
        }

        if (blocksFile is not null)
        {
            output.Line($"wrote the node's records of the blocks it refers to to {blocksFile}");
        }

        output.Line($"check it offline: posc verify {Quote(file)} --public-key {result.ProverPublicKey} --profile {result.Profile} --block-hashes {(blocksFile is null ? "<blocks file>" : Quote(blocksFile))}"
            + (result.Nonce is null ? string.Empty : $" --nonce {result.Nonce} --registration <file> --path-proof <file>"));
        return ExitCodes.Valid;
    }

    /// <summary>The heights a verifier looks up for this proof: the window's blocks and the sealed height (docs/cli.md, block file).</summary>
    private static IEnumerable<ulong> BlockHeights(ProofFormat format, byte[] proof, ulong height)
    {
        try
        {
            ProofWindow? window = format switch
            {
                ProofFormat.Compact => CompactProof.Decode(proof).Window,
                ProofFormat.Full => FullProof.Decode(proof).Compact.Window,
                _ => null,
            };
            ulong first = window is null ? height : Math.Min(window.FirstHeight, height);
            ulong last = window is null ? height : Math.Max(window.LastHeight, height);
            return Enumerable.Range(0, checked((int)(last - first + 1))).Select(i => first + (ulong)i);
        }
        catch (FormatException error)
        {
            throw new CliException(ExitCodes.Invalid, $"the downloaded {format.ToName()} proof does not decode: {error.Message}");
        }
    }

    /// <summary>Writes <c>height blockHash timestamp [beacon]</c> lines for <paramref name="heights"/>, from the gateway's block records.</summary>
    private static async Task WriteBlocksAsync(GatewayClient client, IEnumerable<ulong> heights, string path, CancellationToken cancellationToken)
    {
        StringBuilder text = new();
        text.AppendLine(CultureInfo.InvariantCulture, $"# blocks as recorded by the node at {client.BaseAddress} (its own view of layer 1, not an independent source)");
        text.AppendLine("# height blockHash timestamp [beacon]");
        foreach (ulong height in heights)
        {
            JsonNode block = await client.GetJsonAsync($"api/blocks/{height.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false);
            text.Append(CultureInfo.InvariantCulture, $"{height} {GatewayCommand.String(block, "blockHash")} {GatewayCommand.Number(block, "timestamp")}");
            if (GatewayCommand.String(block, "beacon") is { } beacon)
            {
                text.Append(' ').Append(beacon);
            }

            text.AppendLine();
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private static void RequireWritable(string path, bool force)
    {
        if (string.IsNullOrWhiteSpace(path) || Directory.Exists(path))
        {
            throw CliException.Usage($"'{path}' is not a file path to write to.");
        }

        if (File.Exists(path) && !force)
        {
            throw CliException.Usage($"'{path}' already exists (use --force to replace it).");
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is null || !Directory.Exists(directory))
        {
            throw CliException.Usage($"directory does not exist: '{directory}'.");
        }
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;

    private sealed record ProofRequest(string ChainId, ProofFormat Format, ulong? Height, AuditorNonce? Nonce, string? OutputFile, string? BlocksFile, bool Force);
}

/// <summary>The result of <c>posc proofs get</c> as printed with <c>--json</c>.</summary>
/// <param name="Format">The proof format.</param>
/// <param name="ChainId">The chain, as asked for.</param>
/// <param name="Height">The block the proof is for (the gateway's <c>X-Proof-Height</c>).</param>
/// <param name="Size">The proof's size in bytes.</param>
/// <param name="Sha256">SHA-256 of the proof bytes, hex.</param>
/// <param name="File">Full path of the written proof.</param>
/// <param name="Nonce">Ultra-compact only: the auditor nonce the claim answers; else null.</param>
/// <param name="BlocksFile">Full path of the written block file (<c>--blocks-out</c>), or null.</param>
/// <param name="ProverPublicKey">The node's public key (for <c>posc verify --public-key</c>).</param>
/// <param name="Profile">The node's consensus profile (for <c>posc verify --profile</c>).</param>
public sealed record ProofDownload(
    string Format, string ChainId, ulong Height, int Size, string Sha256, string File, string? Nonce, string? BlocksFile, string? ProverPublicKey, string? Profile);
