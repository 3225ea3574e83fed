// SPDX-License-Identifier: MIT

using System.CommandLine;
using OrleansProofs.Cli.Demo;

namespace OrleansProofs.Cli.Commands;

/// <summary>
/// <c>posc demo [--chains N] [--blocks B] [--profile dev] [--workspace DIR] [--seed S]</c>: runs a
/// prover in-process over real files (<see cref="LocalProverDemo"/>) and exits 0 when every proof it
/// built verified, 1 otherwise.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds <c>demo</c>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Option<int> chains = new("--chains") { Description = "Data files (chains) to register.", DefaultValueFactory = _ => 8 };
        Option<int> blocks = new("--blocks") { Description = "Development-chain blocks to prove.", DefaultValueFactory = _ => 10 };
        Option<string> profile = new("--profile") { Description = "Consensus profile: standard, enhanced or dev.", DefaultValueFactory = _ => "dev" };
        Option<string> workspace = new("--workspace") { Description = "Folder for the key, data, replicas and proofs.", DefaultValueFactory = _ => Path.Combine("data", "demo") };
        Option<int> seed = new("--seed") { Description = "Seed of the demo data files.", DefaultValueFactory = _ => 1 };
        Command demo = new("demo", "Run a prover in-process over real files through N blocks, then build and verify all four proof formats.")
        {
            chains, blocks, profile, workspace, seed,
        };
        demo.SetAction(parseResult =>
        {
            ConsoleOutput output = context.Output(parseResult);
            int chainCount = parseResult.GetValue(chains);
            int blockCount = parseResult.GetValue(blocks);
            if (chainCount is < 1 or > 100_000)
            {
                throw CliException.Usage($"--chains must be between 1 and 100,000; got {chainCount}.");
            }

            if (blockCount is < 1 or > 10_000)
            {
                throw CliException.Usage($"--blocks must be between 1 and 10,000; got {blockCount}.");
            }

            string profileName = parseResult.GetValue(profile)!;
            if (!Core.Parameters.ConsensusParameters.ProfileNames.Contains(profileName))
            {
                throw CliException.Usage($"--profile must be one of {string.Join(", ", Core.Parameters.ConsensusParameters.ProfileNames)}; got '{profileName}'.");
            }

            DemoOptions options = new(parseResult.GetValue(workspace)!, chainCount, blockCount, profileName, parseResult.GetValue(seed));
            DemoSummary summary = new LocalProverDemo(options, output.Json ? _ => { } : output.Line).Run();
            if (output.Json)
            {
                output.WriteJson(summary);
            }
            else
            {
                output.Line($"proofs for chain {summary.ProvedChain} are in {Path.Combine(summary.Workspace, "proofs")}; check one again with:");
                output.Line($"  posc verify {Path.Combine(summary.Workspace, "proofs", "compact.bin")} --format compact --public-key {summary.PublicKey} " +
                    $"--block-hashes {Path.Combine(summary.Workspace, "blocks.txt")} --registration {Path.Combine(summary.Workspace, "registration.json")} --profile {summary.Profile}");
            }

            return summary.AllValid ? ExitCodes.Valid : ExitCodes.Invalid;
        });
        return demo;
    }
}
