// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Tests;

/// <summary>A temporary folder per test class, and v1 chain fixtures written into it.</summary>
internal sealed class TempFolder : IDisposable
{
    public static readonly ProverPublicKey Key = new(Enumerable.Repeat((byte)0x11, 32).ToArray());
    public static readonly Hash32 InitialHash = new(Enumerable.Repeat((byte)0x22, 32).ToArray());
    public const ulong InitialHeight = 12345;

    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "posc-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A v1 chain over <paramref name="length"/> seeded bytes with <paramref name="blocks"/> blocks.</summary>
    public static LegacyHashChainWriter Chain(int length, int blocks)
    {
        byte[] data = new byte[length];
        new Random(7).NextBytes(data);
        data[^1] |= 1;
        LegacyHashChainWriter writer = new(data, Key, InitialHeight, InitialHash);
        for (int i = 0; i < blocks; i++)
        {
            writer.AppendBlock(Sha256.Hash(BitConverter.GetBytes(i)));
        }

        return writer;
    }

    /// <summary>Writes <c>name.hashchain</c> and <c>name.data</c>; returns the chain path.</summary>
    public string WriteChain(LegacyHashChainWriter writer, string name = "chain", byte[]? hashChainBytes = null)
    {
        string hashChain = File(name + ".hashchain");
        writer.WriteFiles(hashChain, File(name + ".data"));
        if (hashChainBytes is not null)
        {
            System.IO.File.WriteAllBytes(hashChain, hashChainBytes);
        }

        return hashChain;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not affect results.
        }
    }
}
