// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Signatures;

/// <summary>
/// Verifies the node key file: created once and reloaded unchanged, written atomically with mode
/// 0600, never overwritten, and every kind of damage rejected with a precise error that never
/// contains key material.
/// </summary>
public sealed class NodeKeyFileTests : IDisposable
{
    private const string Seed = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"; // RFC 8032 §7.1 test 2
    private const string Public = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

    private readonly string _folder = Directory.CreateTempSubdirectory("posc-key-").FullName;

    private string KeyPath => Path.Combine(_folder, "keys", "node.key");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LoadOrCreate_CreatesOnce_ThenLoadsTheSameKey()
    {
        using NodeKey first = NodeKeyFile.LoadOrCreate(KeyPath, out bool created);
        Assert.True(created);
        using NodeKey second = NodeKeyFile.LoadOrCreate(KeyPath, out bool createdAgain);
        Assert.False(createdAgain);
        Assert.Equal(first.PublicKey, second.PublicKey);
        Assert.Equal(first.ExportPrivateKey(), second.ExportPrivateKey());

        // Nothing but the key file is left in the folder (the temporary file was renamed).
        Assert.Equal([KeyPath], Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
    }

    [Fact]
    public void File_HasTheDocumentedFormat()
    {
        using NodeKey key = NodeKey.FromPrivateKey(Convert.FromHexString(Seed));
        NodeKeyFile.Save(key, KeyPath);
        Assert.Equal($"posc-node-key/v1\ned25519-seed: {Seed}\ned25519-public: {Public}\n", File.ReadAllText(KeyPath));
        using NodeKey loaded = NodeKeyFile.Load(KeyPath);
        Assert.Equal(Public, loaded.PublicKey.ToString());
    }

    [Fact]
    public void File_IsOwnerReadWriteOnly_OnUnix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using NodeKey key = NodeKeyFile.LoadOrCreate(KeyPath, out _);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
    }

    [Fact]
    public void Save_NeverOverwrites()
    {
        using NodeKey first = NodeKeyFile.LoadOrCreate(KeyPath, out _);
        string before = File.ReadAllText(KeyPath);
        using NodeKey other = NodeKey.Generate();
        Assert.Throws<IOException>(() => NodeKeyFile.Save(other, KeyPath));
        Assert.Equal(before, File.ReadAllText(KeyPath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
    }

    [Fact]
    public void WindowsLineEndings_AreAccepted()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllText(KeyPath, $"posc-node-key/v1\r\ned25519-seed: {Seed}\r\ned25519-public: {Public}\r\n");
        using NodeKey key = NodeKeyFile.Load(KeyPath);
        Assert.Equal(Public, key.PublicKey.ToString());
    }

    public static TheoryData<string, string> Damaged => new()
    {
        { string.Empty, "empty" },
        { "posc-node-key/v1\n", "expected 3 lines" },
        { $"posc-node-key/v1\ned25519-seed: {Seed}\n", "expected 3 lines" },
        { $"posc-node-key/v2\ned25519-seed: {Seed}\ned25519-public: {Public}\n", "unsupported format version" },
        { $"ssh-ed25519 AAAA\ned25519-seed: {Seed}\ned25519-public: {Public}\n", "first line must be" },
        { $"posc-node-key/v1\ned25519-seed: {Seed[..62]}\ned25519-public: {Public}\n", "must be 64 hex characters" },
        { $"posc-node-key/v1\ned25519-seed: {Seed[..63]}z\ned25519-public: {Public}\n", "not hexadecimal" },
        { $"posc-node-key/v1\nseed: {Seed}\ned25519-public: {Public}\n", "seed line must start with" },
        { $"posc-node-key/v1\ned25519-seed: {Seed[..63]}0\ned25519-public: {Public}\n", "does not match the seed" },
        { $"posc-node-key/v1\ned25519-seed: {Seed}\ned25519-public: {Public}\nextra\n", "expected 3 lines" },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void DamagedFile_IsRejectedPrecisely_WithoutLeakingTheKey(string content, string expectedProblem)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllText(KeyPath, content);
        FormatException error = Assert.Throws<FormatException>(() => NodeKeyFile.Load(KeyPath));
        Assert.Contains(expectedProblem, error.Message, StringComparison.Ordinal);
        Assert.Contains(KeyPath, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Seed[..16], error.Message, StringComparison.OrdinalIgnoreCase);

        // LoadOrCreate must not silently replace a damaged key with a new identity.
        Assert.Throws<FormatException>(() => NodeKeyFile.LoadOrCreate(KeyPath, out _));
        Assert.Equal(content, File.ReadAllText(KeyPath));
    }

    [Fact]
    public void RawOrOversizedFiles_AreRejected()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllBytes(KeyPath, Convert.FromHexString(Seed));
        Assert.Contains("not ASCII text", Assert.Throws<FormatException>(() => NodeKeyFile.Load(KeyPath)).Message, StringComparison.Ordinal);

        File.WriteAllText(KeyPath, new string('a', 2000));
        Assert.Contains("at most 1024 bytes", Assert.Throws<FormatException>(() => NodeKeyFile.Load(KeyPath)).Message, StringComparison.Ordinal);

        Assert.Throws<FileNotFoundException>(() => NodeKeyFile.Load(Path.Combine(_folder, "missing.key")));
    }
}
