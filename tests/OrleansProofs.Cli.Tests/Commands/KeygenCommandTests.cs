// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Tests.Commands;

/// <summary>
/// Verifies <c>posc keygen</c>: the file is Core's <c>posc-node-key/v1</c> node key format and loads
/// through <see cref="NodeKeyFile.Load"/> into the key whose public half was printed, is mode 0600 on
/// Unix, is never overwritten without <c>--force</c> (exit 2, file unchanged), is replaced whole with
/// <c>--force</c>, and leaves no temporary file behind.
/// </summary>
public sealed class KeygenCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WritesALoadableKey_AndPrintsItsPublicKey()
    {
        string path = _folder.File("node.key");

        CliRun run = CliRun.Of("keygen", "--out", path);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        string printed = run.Stdout.Split('\n')[0];
        Assert.StartsWith("public key: ", printed, StringComparison.Ordinal);
        using NodeKey loaded = NodeKeyFile.Load(path);
        Assert.Equal(printed["public key: ".Length..], loaded.PublicKey.ToString());
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void KeyFile_HasTheDocumentedFormat()
    {
        string path = _folder.File("node.key");

        Assert.Equal(ExitCodes.Valid, CliRun.Of("keygen", "--out", path).ExitCode);

        string text = File.ReadAllText(path);
        Assert.Matches("^posc-node-key/v1\ned25519-seed: [0-9a-f]{64}\ned25519-public: [0-9a-f]{64}\n$", text);
        using NodeKey loaded = NodeKeyFile.Load(path);
        Assert.EndsWith($"ed25519-public: {loaded.PublicKey}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFile_IsOwnerReadWriteOnly_OnUnix()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes do not exist there; the writer relies on the ACL of the folder.
        }

        string path = _folder.File("node.key");

        Assert.Equal(ExitCodes.Valid, CliRun.Of("keygen", "--out", path).ExitCode);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Json_CarriesPublicKeyAndPath()
    {
        string path = _folder.File("node.key");

        CliRun run = CliRun.Of("keygen", "--out", path, "--json");

        JsonElement json = run.Json();
        using NodeKey loaded = NodeKeyFile.Load(path);
        Assert.Equal(loaded.PublicKey.ToString(), json.GetProperty("publicKey").GetString());
        Assert.Equal(path, json.GetProperty("keyFile").GetString());
        Assert.False(json.GetProperty("replaced").GetBoolean());
    }

    [Fact]
    public void ExistingFile_IsNotOverwrittenWithoutForce()
    {
        string path = _folder.File("node.key");
        Assert.Equal(ExitCodes.Valid, CliRun.Of("keygen", "--out", path).ExitCode);
        byte[] before = File.ReadAllBytes(path);

        CliRun run = CliRun.Of("keygen", "--out", path);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"key file already exists: '{path}'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--force", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Force_ReplacesTheKey()
    {
        string path = _folder.File("node.key");
        Assert.Equal(ExitCodes.Valid, CliRun.Of("keygen", "--out", path).ExitCode);
        using NodeKey first = NodeKeyFile.Load(path);

        CliRun run = CliRun.Of("keygen", "--out", path, "--force");

        Assert.Equal(ExitCodes.Valid, run.ExitCode);
        using NodeKey second = NodeKeyFile.Load(path);
        Assert.NotEqual(first.PublicKey, second.PublicKey);
        Assert.Contains(second.PublicKey.ToString(), run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(replaced)", run.Stdout, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_folder.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Force_OverAForeignFile_LeavesAValidKeyFile()
    {
        string path = _folder.File("node.key");
        File.WriteAllText(path, "not a key\n");

        CliRun run = CliRun.Of("keygen", "--out", path, "--force", "--json");

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        JsonElement json = run.Json();
        Assert.True(json.GetProperty("replaced").GetBoolean());
        using NodeKey loaded = NodeKeyFile.Load(path);
        Assert.Equal(json.GetProperty("publicKey").GetString(), loaded.PublicKey.ToString());
        Assert.Single(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void KeyFile_IsWhatTheServiceLoads()
    {
        string path = _folder.File("node.key");
        CliRun run = CliRun.Of("keygen", "--out", path, "--json");
        Assert.Equal(ExitCodes.Valid, run.ExitCode);

        using NodeKey loaded = NodeKeyFile.LoadOrCreate(path, out bool created);

        Assert.False(created);
        Assert.Equal(run.Json().GetProperty("publicKey").GetString(), loaded.PublicKey.ToString());
        byte[] message = "round trip"u8.ToArray();
        Assert.True(NodeKey.Verify(ProverPublicKey.Parse(run.Json().GetProperty("publicKey").GetString()!), message, loaded.Sign(message)));
    }

    [Fact]
    public void MissingDirectory_ExitsTwo()
    {
        string path = Path.Combine(_folder.Path, "absent", "node.key");

        CliRun run = CliRun.Of("keygen", "--out", path);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains("directory does not exist", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOut_ExitsTwo()
    {
        CliRun run = CliRun.Of("keygen");

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
    }
}
