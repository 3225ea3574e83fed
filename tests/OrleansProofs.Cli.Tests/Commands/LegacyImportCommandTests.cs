// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Cli.Tests.Commands;

/// <summary>
/// Verifies <c>posc legacy import</c>: a verified v1 chain becomes a new chain under the node key
/// (exit 0, files written); a damaged chain is refused (exit 1) and writes nothing; missing options,
/// an unreadable key and an occupied output folder exit 2.
/// </summary>
public sealed class LegacyImportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LegacyHashChainWriter _writer = TempFolder.Chain((5 * 4096) + 100, 6);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void VerifiedChain_IsImportedUnderTheNodeKey()
    {
        string chain = _folder.WriteChain(_writer);
        string key = _folder.File("node.key");
        Assert.Equal(ExitCodes.Valid, CliRun.Of("keygen", "--out", key).ExitCode);
        string output = _folder.File("imported");

        CliRun run = CliRun.Of("legacy", "import", chain, "--key", key, "--out", output, "--profile", "dev", "--json");

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        JsonElement json = run.Json();
        Assert.True(json.GetProperty("imported").GetBoolean());
        Assert.Equal(6, json.GetProperty("verifiedCommitments").GetInt64());
        Assert.Equal(TempFolder.InitialHeight + 6, json.GetProperty("anchorHeight").GetUInt64());
        Assert.True(File.Exists(Path.Combine(output, LegacyImporter.RegistrationFileName)));
        Assert.True(File.Exists(Path.Combine(output, LegacyImporter.ReplicaFileName)));

        // Importing into the same folder again is refused as a usage error and changes nothing.
        CliRun again = CliRun.Of("legacy", "import", chain, "--key", key, "--out", output, "--profile", "dev");
        Assert.Equal(ExitCodes.UsageOrUnreadable, again.ExitCode);
    }

    [Fact]
    public void DamagedChain_IsRefused_AndNothingIsWritten()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        bytes[^40] ^= 0x01;
        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes);
        string key = _folder.File("node.key");
        Assert.Equal(ExitCodes.Valid, CliRun.Of("keygen", "--out", key).ExitCode);
        string output = _folder.File("refused");

        CliRun run = CliRun.Of("legacy", "import", chain, "--key", key, "--out", output, "--profile", "dev");

        Assert.True(run.ExitCode == ExitCodes.Invalid, run.ToString());
        Assert.StartsWith("refused (VerificationFailed)", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "a refused import must leave nothing behind");
    }

    [Fact]
    public void MissingKeyOrOptions_ExitTwo()
    {
        string chain = _folder.WriteChain(_writer);
        Assert.Equal(ExitCodes.UsageOrUnreadable, CliRun.Of("legacy", "import", chain, "--out", _folder.File("x")).ExitCode);
        Assert.Equal(ExitCodes.UsageOrUnreadable, CliRun.Of("legacy", "import", chain, "--key", _folder.File("missing.key"), "--out", _folder.File("x")).ExitCode);
        File.WriteAllText(_folder.File("bad.key"), "not a key");
        Assert.Equal(ExitCodes.UsageOrUnreadable, CliRun.Of("legacy", "import", chain, "--key", _folder.File("bad.key"), "--out", _folder.File("x")).ExitCode);
    }
}
