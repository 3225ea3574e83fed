// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Core.Tests.Vdf;

/// <summary>
/// Verifies the buffer fill: scryptBlockMix (r = 1) against RFC 7914's scrypt known answers (built
/// here from BlockMix, ROMix and the BCL's PBKDF2), and that the buffer is exactly the V array it promises.
/// </summary>
public sealed class ScryptBlockMixTests
{
    // RFC 7914 §12 first vector, and a short r = 1 vector published with several implementations.
    [Theory]
    [InlineData("", "", 16, 64, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")]
    [InlineData("password", "salt", 2, 32, "6d1bb878eee9ce4a7b77d7a44103574d4cbfe3c15ae3940f0ffe75cd5e1e0afa")]
    public void Scrypt_R1P1_MatchesKnownAnswer(string password, string salt, int n, int length, string expected)
    {
        byte[] p = System.Text.Encoding.UTF8.GetBytes(password);
        byte[] b = Rfc2898DeriveBytes.Pbkdf2(p, System.Text.Encoding.UTF8.GetBytes(salt), 1, HashAlgorithmName.SHA256, 128);
        RoMix(b, n);
        byte[] key = Rfc2898DeriveBytes.Pbkdf2(p, b, 1, HashAlgorithmName.SHA256, length);
        Assert.Equal(expected, Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Buffer_IsTheScryptVArray_FromTheTaggedSeedHashes()
    {
        Hash32 seed = Sha256.Hash("fill"u8);
        VdfBuffer buffer = VdfBuffer.Create(seed, VdfBuffer.MinBytes);

        for (int part = 0; part < 4; part++)
        {
            byte[] message = [11, .. "posc/v1/vdf"u8, .. "fill"u8, .. seed.Bytes, (byte)part];
            Assert.Equal(SHA256.HashData(message), buffer.Block(0).Slice(part * 32, 32).ToArray());
        }

        uint[] current = new uint[32];
        uint[] next = new uint[32];
        foreach (long i in new long[] { 0, 1, 2, 77, buffer.BlockCount - 2 })
        {
            ReadWords(buffer.Block(i), current);
            ScryptBlockMix.Mix(current, next);
            ReadWords(buffer.Block(i + 1), current);
            Assert.Equal(next, current);
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L << 15)]
    [InlineData((1L << 16) + 128)]
    [InlineData(3L << 20)]
    [InlineData(1L << 31)]
    public void Create_RejectsSizesThatAreNotAllowedPowersOfTwo(long size)
    {
        Assert.Throws<ArgumentOutOfRangeException>("bufferBytes", () => VdfBuffer.Create(Hash32.Zero, size));
    }

    private static void ReadWords(ReadOnlySpan<byte> block, Span<uint> words)
    {
        for (int i = 0; i < 32; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * i)..]);
        }
    }

    private static void RoMix(Span<byte> block, int n)
    {
        uint[] x = new uint[32];
        ReadWords(block, x);
        uint[][] v = new uint[n][];
        uint[] y = new uint[32];
        for (int i = 0; i < n; i++)
        {
            v[i] = (uint[])x.Clone();
            ScryptBlockMix.Mix(x, y);
            (x, y) = (y, x);
        }

        for (int i = 0; i < n; i++)
        {
            int j = (int)(x[16] % (uint)n); // Integerify: first word of the last 64-byte half
            for (int w = 0; w < 32; w++)
            {
                x[w] ^= v[j][w];
            }

            ScryptBlockMix.Mix(x, y);
            (x, y) = (y, x);
        }

        for (int i = 0; i < 32; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(block[(4 * i)..], x[i]);
        }
    }
}
