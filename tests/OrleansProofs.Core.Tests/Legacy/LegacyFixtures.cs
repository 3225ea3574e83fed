// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Legacy;

/// <summary>Shared inputs for the legacy tests: seeded data, fixed keys and hashes, and a temporary folder.</summary>
internal sealed class LegacyFixtures : IDisposable
{
    public static readonly ProverPublicKey Key = new(Enumerable.Repeat((byte)0x11, 32).ToArray());
    public static readonly Hash32 InitialHash = new(Enumerable.Repeat((byte)0x22, 32).ToArray());
    public const ulong InitialHeight = 12345;

    public LegacyFixtures()
    {
        Directory = Path.Combine(Path.GetTempPath(), "posc-legacy-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Seeded pseudo-random bytes with no trailing zero, so the unpadded length is unambiguous unless a test wants otherwise.</summary>
    public static byte[] Data(int length, int seed = 7)
    {
        byte[] data = new byte[length];
        new Random(seed).NextBytes(data);
        data[^1] |= 1;
        return data;
    }

    public static Hash32 BlockHash(int i) => Sha256.Hash(BitConverter.GetBytes(i));

    /// <summary>A writer over <paramref name="length"/> bytes with <paramref name="blocks"/> blocks appended.</summary>
    public static LegacyHashChainWriter Chain(int length, int blocks, LegacyHeightEncoding encoding = LegacyHeightEncoding.UInt64)
    {
        LegacyHashChainWriter writer = new(Data(length), Key, InitialHeight, InitialHash, encoding);
        for (int i = 0; i < blocks; i++)
        {
            writer.AppendBlock(BlockHash(i));
        }

        return writer;
    }

    /// <summary>Writes both files and returns their paths.</summary>
    public (string HashChain, string Data) Write(LegacyHashChainWriter writer, string name = "chain")
    {
        string hashChain = Path.Combine(Directory, name + ".hashchain");
        string data = Path.Combine(Directory, name + ".data");
        writer.WriteFiles(hashChain, data);
        return (hashChain, data);
    }

    /// <summary>Writes <paramref name="hashChainBytes"/> as the chain file next to the writer's data file.</summary>
    public (string HashChain, string Data) Write(LegacyHashChainWriter writer, byte[] hashChainBytes, string name = "chain")
    {
        (string hashChain, string data) = Write(writer, name);
        File.WriteAllBytes(hashChain, hashChainBytes);
        return (hashChain, data);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not affect results.
        }
    }
}
