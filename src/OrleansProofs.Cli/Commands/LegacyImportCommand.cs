// SPDX-License-Identifier: MIT

using System.CommandLine;
using OrleansProofs.Core.Legacy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc legacy import &lt;file.hashchain&gt; --key &lt;node key file&gt; --out &lt;folder&gt; [--data …] [--profile standard]</c>:
/// verifies a v1 chain and, only if every check passes, re-encodes its data under this node's key as
/// a new chain anchored at the last verified block (<see cref="LegacyImporter"/>). Exit 0 imported,
/// 1 refused (verification failed or the chain is unusable, reason named), 2 usage or unreadable input.
/// </summary>
public static class LegacyImportCommand
{
    /// <summary>Builds <c>legacy import</c>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Argument<string> hashChain = new("hashchain") { Description = "The v1 .hashchain file." };
        Option<string?> data = new("--data") { Description = "The .data file (default: the .data file of the same name beside the .hashchain).", HelpName = "file.data" };
        Option<string> key = new("--key") { Description = "This node's key file (as written by posc keygen).", HelpName = "file", Required = true };
        Option<string> output = new("--out") { Description = "Folder for chain.json, the replica and its leaf file (created; must not hold an import).", HelpName = "folder", Required = true };
        Option<string> profile = new("--profile") { Description = "Consensus profile whose encoding parameters the new chain uses.", DefaultValueFactory = _ => "standard" };
        Command import = new("import", "Verify a v1 chain, then re-encode it under this node's key as a chain anchored at its last verified block.")
        {
            hashChain, data, key, output, profile,
        };
        import.SetAction((parseResult, cancellationToken) => ImportAsync(
            context.Output(parseResult),
            parseResult.GetRequiredValue(hashChain),
            parseResult.GetValue(data),
            parseResult.GetRequiredValue(key),
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(profile)!,
            cancellationToken));
        return import;
    }

    private static async Task<int> ImportAsync(
        ConsoleOutput output, string hashChainArgument, string? dataArgument, string keyPath, string outputFolder, string profileName, CancellationToken cancellationToken)
    {
        string hashChainPath = InputFiles.RequireFile(hashChainArgument, "hashchain file");
        string dataPath = InputFiles.RequireFile(dataArgument ?? LegacyCommands.DefaultDataPath(hashChainArgument), "data file (default: beside the .hashchain; choose another with --data)");
        ConsensusParameters parameters;
        try
        {
            parameters = ConsensusParameters.FromName(profileName);
        }
        catch (ArgumentException error)
        {
            throw CliException.Usage(error.Message);
        }

        using NodeKey nodeKey = LoadKey(InputFiles.RequireFile(keyPath, "node key file"));
        LegacyImportResult result = await LegacyImporter.ImportAsync(hashChainPath, dataPath, nodeKey, outputFolder, parameters, cancellationToken);
        if (output.Json)
        {
            output.WriteJson(new LegacyImportOutcome(
                result.IsImported,
                result.Refusal?.Reason.ToString(),
                result.Refusal?.Message,
                result.Report.VerifiedCommitments,
                result.Header?.ChainId.ToString(),
                result.Header?.AnchorHeight,
                result.RegistrationPath));
        }
        else if (result.IsImported)
        {
            output.Line($"imported: {result.Report.VerifiedCommitments} v1 commitments verified; new chain {result.Header!.ChainId}");
            output.Line($"anchored at block {result.Header.AnchorHeight} ({result.Header.AnchorBlockHash}); replica root {result.Header.ReplicaRoot}");
            output.Line($"registration: {result.RegistrationPath}");
        }
        else
        {
            output.Line($"refused ({result.Refusal!.Reason}): {result.Refusal.Message}");
        }

        return result.IsImported ? ExitCodes.Valid : ExitCodes.Invalid;
    }

    private static NodeKey LoadKey(string path)
    {
        try
        {
            return NodeKeyFile.Load(path);
        }
        catch (FormatException error)
        {
            throw CliException.Usage($"node key file '{path}' is not usable: {error.Message}");
        }
    }
}

/// <summary>The JSON result of <c>posc legacy import</c>.</summary>
public sealed record LegacyImportOutcome(
    bool Imported, string? Refusal, string? Reason, long VerifiedCommitments, string? ChainId, ulong? AnchorHeight, string? RegistrationPath);
