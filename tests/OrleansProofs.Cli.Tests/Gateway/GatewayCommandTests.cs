// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Testing;

namespace OrleansProofs.Cli.Tests.Gateway;

/// <summary>
/// The gateway commands against the real node over HTTP: a chain's whole life through posc (upload →
/// list → show → compact proof downloaded and verified offline by <c>posc verify</c> → removal), the
/// <c>--json</c> shapes, and the errors a user meets: an unreachable gateway (exit 3, the URL and how
/// to start a node), a missing or wrong operator key (401, how to pass it), an unknown chain (the
/// problem's field printed), and usage mistakes caught before any request (exit 2).
/// </summary>
[Collection(GatewayNodeCollection.Name)]
public sealed class GatewayCommandTests(GatewayNode node) : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task AChainLivesThroughPoscFromUploadToRemoval()
    {
        byte[] data = new byte[50_000];
        new Random(11).NextBytes(data);
        string file = Write("dataset.bin", data);
        string expectedId = ChainId.Compute(DataHash.Compute(data), node.Prover).ToString();

        CliRun added = node.PoscAsOperator("chains", "add", file, "--retention-policy", "archival", "--metadata", "owner=ops", "--metadata", "tier=cold", "--json");
        Assert.True(added.ExitCode == 0, added.ToString());
        JsonElement registration = added.Json();
        Assert.Equal(expectedId, registration.GetProperty("chainId").GetString());
        Assert.Equal("archival", registration.GetProperty("retentionPolicy").GetString());
        Assert.False(registration.GetProperty("alreadyRegistered").GetBoolean());
        Assert.Equal(13UL, registration.GetProperty("totalChunks").GetUInt64());

        // The same content again is the same chain: said so in words, exit 0.
        CliRun again = node.PoscAsOperator("chains", "add", file);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.StartsWith($"already registered: chain {expectedId}", again.Stdout, StringComparison.Ordinal);

        CliRun listed = node.Posc("chains", "list", "--all", "--json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        JsonElement items = listed.Json().GetProperty("items");
        Assert.Equal(3, items.GetArrayLength());
        Assert.Contains(items.EnumerateArray(), item => item.GetProperty("chainId").GetString() == expectedId);
        Assert.Equal(JsonValueKind.Null, listed.Json().GetProperty("next").ValueKind);

        CliRun table = node.Posc("chains", "list");
        Assert.StartsWith("CHAIN ID", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(table.Stdout.Split('\n'), line => line.StartsWith(expectedId, StringComparison.Ordinal) && line.Contains("archival", StringComparison.Ordinal));

        // Paging by one: the first page points at the rest with the command to run.
        CliRun firstPage = node.Posc("chains", "list", "--limit", "1");
        Assert.Contains("more chains: posc chains list --after ", firstPage.Stdout, StringComparison.Ordinal);

        CliRun active = await node.WaitForAsync(run => run.Json().GetProperty("status").GetString() == "active"
            && run.Json().GetProperty("commitments").GetArrayLength() >= 2, "chains", "show", expectedId, "--json");
        Assert.Equal("cold", active.Json().GetProperty("metadata").GetProperty("tier").GetString());
        CliRun shown = node.Posc("chains", "show", expectedId);
        Assert.Contains("status           active", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("metadata         owner=ops, tier=cold", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("file             50000 bytes, 13 chunks", shown.Stdout, StringComparison.Ordinal);

        string proof = Path.Combine(_temp.Path, "chain.compact.proof");
        string blocks = Path.Combine(_temp.Path, "blocks.txt");
        CliRun got = node.Posc("proofs", "get", expectedId, "--format", "compact", "-o", proof, "--blocks-out", blocks, "--json");
        Assert.True(got.ExitCode == 0, got.ToString());
        JsonElement download = got.Json();
        Assert.Equal(proof, download.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(proof).Length, download.GetProperty("size").GetInt64());
        Assert.Equal(node.Prover.ToString(), download.GetProperty("proverPublicKey").GetString());
        Assert.Equal("dev", download.GetProperty("profile").GetString());
        ulong height = download.GetProperty("height").GetUInt64();

        CliRun verified = CliRun.Of("verify", proof, "--public-key", node.Prover.ToString(), "--block-hashes", blocks, "--profile", "dev", "--json");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Equal(expectedId, verified.Json().GetProperty("chainId").GetString());
        Assert.Equal(height, verified.Json().GetProperty("height").GetUInt64());

        // Without --force the proof file is not replaced; the human output says how to verify it.
        Assert.Equal(2, node.Posc("proofs", "get", expectedId, "--format", "compact", "-o", proof).ExitCode);
        CliRun human = node.Posc("proofs", "get", expectedId, "--format", "path", "-o", Path.Combine(_temp.Path, "p.proof"));
        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Contains($"posc verify {Path.Combine(_temp.Path, "p.proof")} --public-key {node.Prover} --profile dev --block-hashes <blocks file>", human.Stdout, StringComparison.Ordinal);

        CliRun removed = node.PoscAsOperator("chains", "remove", expectedId, "--reason", "retired dataset", "--json");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal("retired dataset", removed.Json().GetProperty("reason").GetString());
        Assert.True(removed.Json().GetProperty("archived").GetBoolean());
        ulong removalBlock = removed.Json().GetProperty("removalBlock").GetUInt64();
        JsonElement leaving = node.Posc("chains", "show", expectedId, "--json").Json();
        Assert.Equal(removalBlock, leaving.GetProperty("removalHeight").GetUInt64());
        Assert.True(leaving.GetProperty("archive").GetBoolean());

        // A second removal conflicts: the gateway's 409 is printed with its field, exit 1.
        CliRun twice = node.PoscAsOperator("chains", "remove", expectedId, "--no-archive");
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("409 Conflict (field 'chainId')", twice.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOnTheNodesVolumeRegistersByPath()
    {
        byte[] data = new byte[30_000];
        new Random(12).NextBytes(data);
        Directory.CreateDirectory(Path.Combine(node.DataDirectory, "datasets"));
        File.WriteAllBytes(Path.Combine(node.DataDirectory, "datasets", "on-node.bin"), data);

        CliRun added = node.PoscAsOperator("chains", "add", "datasets/on-node.bin", "--path", "--retention-policy", "temporary");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.StartsWith($"registered chain {ChainId.Compute(DataHash.Compute(data), node.Prover)}", added.Stdout, StringComparison.Ordinal);
        Assert.Contains("retention  temporary", added.Stdout, StringComparison.Ordinal);

        // A path outside the data folder: the gateway's 400 names the field.
        CliRun outside = node.PoscAsOperator("chains", "add", "../escape.bin", "--path");
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("400 Bad Request (field 'path')", outside.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BlocksAndStatsShowWhatTheNodeRecorded()
    {
        CliRun latest = node.Posc("blocks", "show", "--json");
        Assert.True(latest.ExitCode == 0, latest.ToString());
        ulong height = latest.Json().GetProperty("height").GetUInt64();
        Assert.Equal(node.Prover.ToString(), latest.Json().GetProperty("proverPublicKey").GetString());

        CliRun first = node.Posc("blocks", "show", "1");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("height         1", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("signer         " + node.Prover, first.Stdout, StringComparison.Ordinal);

        CliRun stats = node.Posc("stats", "--json");
        Assert.True(stats.ExitCode == 0, stats.ToString());
        Assert.Equal("dev", stats.Json().GetProperty("profile").GetString());
        Assert.True(stats.Json().GetProperty("latestHeight").GetUInt64() >= height);
        Assert.Contains("prover key    " + node.Prover, node.Posc("stats").Stdout, StringComparison.Ordinal);

        CliRun unknown = node.Posc("blocks", "show", "99999999");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("404 Not Found (field 'height')", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, node.Posc("blocks", "show", "tip").ExitCode);
    }

    [Fact]
    public void AnUnknownChainPrintsTheProblemAndItsField()
    {
        string unknown = new('7', 64);
        CliRun run = node.Posc("chains", "show", unknown);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"posc: 404 Not Found (field 'chainId'): no chain {unknown} is registered on this node.", run.Stderr, StringComparison.Ordinal);

        // --json also puts the problem document on stdout for scripts.
        CliRun json = node.Posc("chains", "show", unknown, "--json");
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("chainId", json.Json().GetProperty("field").GetString());
        Assert.Equal(404, json.Json().GetProperty("status").GetInt32());

        CliRun malformed = node.Posc("proofs", "get", "abc", "--format", "compact", "-o", Path.Combine(_temp.Path, "x.proof"));
        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains("400 Bad Request (field 'chainId'): must be 64 hexadecimal characters", malformed.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "x.proof")));

        CliRun limit = node.Posc("chains", "list", "--limit", "0");
        Assert.Equal(1, limit.ExitCode);
        Assert.Contains("(field 'limit')", limit.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void StateChangesWithoutTheOperatorKeyTellHowToPassIt()
    {
        string file = Write("unauthorised.bin", new byte[20_000]);
        CliRun none = node.Posc("chains", "add", file);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("401 Unauthorized (field 'Authorization')", none.Stderr, StringComparison.Ordinal);
        Assert.Contains("pass --api-key-file <node data>/operator.key, --api-key KEY, or set $POSC_API_KEY", none.Stderr, StringComparison.Ordinal);

        CliRun wrong = node.Posc("chains", "remove", new string('7', 64), "--api-key", "not-the-operator-key");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("The key from --api-key is not this gateway's operator key", wrong.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-operator-key", wrong.Stderr, StringComparison.Ordinal);

        // Refused before the body was read: the upload was not stored.
        string stored = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[20_000])) + ".bin";
        Assert.False(File.Exists(Path.Combine(node.DataDirectory, "uploads", stored)));
    }

    [Fact]
    public void TheGatewayAndKeyComeFromTheEnvironment()
    {
        Dictionary<string, string?> environment = new()
        {
            ["POSC_GATEWAY"] = node.Address + "/",
            ["POSC_API_KEY"] = File.ReadAllText(node.OperatorKeyFile).Trim(),
        };
        CliRun stats = CliRun.With(environment, "stats", "--json");
        Assert.True(stats.ExitCode == 0, stats.ToString());
        Assert.Equal(node.Prover.ToString(), stats.Json().GetProperty("proverPublicKey").GetString());

        // The key reaches the operator endpoint: past 401 to the gateway's own 404 for an unknown chain.
        CliRun remove = CliRun.With(environment, "chains", "remove", new string('7', 64));
        Assert.Equal(1, remove.ExitCode);
        Assert.Contains("404 Not Found (field 'chainId')", remove.Stderr, StringComparison.Ordinal);

        // --gateway wins over the variable.
        CliRun elsewhere = CliRun.With(environment, "stats", "--gateway", $"http://127.0.0.1:{LoopbackPorts.Reserve()}");
        Assert.Equal(ExitCodes.GatewayUnavailable, elsewhere.ExitCode);
    }

    [Fact]
    public void AnUnreachableGatewayIsExitThreeWithTheUrlAndHowToStartANode()
    {
        string address = $"http://127.0.0.1:{LoopbackPorts.Reserve()}";
        CliRun run = CliRun.Of("chains", "list", "--gateway", address);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"posc: cannot reach the gateway at {address}/ (/api/chains)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("start one with 'dotnet run --project src/OrleansProofs.Silo'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageMistakesAreExitTwoBeforeAnyRequest()
    {
        // An unreachable gateway would be exit 3: exit 2 shows the mistake was caught first.
        string nowhere = $"http://127.0.0.1:{LoopbackPorts.Reserve()}";
        CliRun badUrl = CliRun.Of("stats", "--gateway", "localhost:8080");
        Assert.Equal(2, badUrl.ExitCode);
        Assert.Contains("the gateway address from --gateway must be an absolute http:// or https:// URL; got 'localhost:8080'", badUrl.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Of("proofs", "get", new string('7', 64), "--format", "compact", "--nonce", "00112233445566778899aabb", "--gateway", nowhere).ExitCode);
        Assert.Equal(2, CliRun.Of("proofs", "get", new string('7', 64), "--format", "tiny", "--gateway", nowhere).ExitCode);
        Assert.Equal(2, CliRun.Of("chains", "add", Write("m.bin", [1]), "--metadata", "novalue", "--gateway", nowhere).ExitCode);
        Assert.Equal(2, CliRun.Of("chains", "add", Path.Combine(_temp.Path, "missing.bin"), "--gateway", nowhere).ExitCode);
        CliRun bothKeys = CliRun.Of("chains", "remove", new string('7', 64), "--api-key", "a", "--api-key-file", "b", "--gateway", nowhere);
        Assert.Equal(2, bothKeys.ExitCode);
        Assert.Contains("--api-key or --api-key-file, not both", bothKeys.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private string Write(string name, byte[] bytes)
    {
        string path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
