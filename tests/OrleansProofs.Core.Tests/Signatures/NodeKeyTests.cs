// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Signatures;

/// <summary>Verifies Ed25519 against RFC 8032 and the rejection of tampered messages, signatures and keys.</summary>
public sealed class NodeKeyTests
{
    // RFC 8032 §7.1, TEST 2: one-byte message 0x72.
    private const string Rfc8032Seed = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    private const string Rfc8032Public = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    private const string Rfc8032Signature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    [Fact]
    public void Rfc8032_Test2_KnownAnswer()
    {
        using NodeKey key = NodeKey.FromPrivateKey(Convert.FromHexString(Rfc8032Seed));
        Assert.Equal(Rfc8032Public, key.PublicKey.ToString());
        byte[] signature = key.Sign([0x72]);
        Assert.Equal(Rfc8032Signature, Convert.ToHexStringLower(signature));
        Assert.True(NodeKey.Verify(key.PublicKey, [0x72], signature));
    }

    [Fact]
    public void AnyFlippedBit_InMessageOrSignature_IsRejected()
    {
        using NodeKey key = NodeKey.Generate();
        byte[] message = "global root"u8.ToArray();
        byte[] signature = key.Sign(message);
        for (int bit = 0; bit < signature.Length * 8; bit++)
        {
            byte[] tampered = (byte[])signature.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(NodeKey.Verify(key.PublicKey, message, tampered), $"signature bit {bit}");
        }

        for (int bit = 0; bit < message.Length * 8; bit++)
        {
            byte[] tampered = (byte[])message.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(NodeKey.Verify(key.PublicKey, tampered, signature), $"message bit {bit}");
        }
    }

    [Fact]
    public void AnotherKeysSignature_IsRejected()
    {
        using NodeKey alice = NodeKey.Generate();
        using NodeKey mallory = NodeKey.Generate();
        byte[] signature = mallory.Sign("m"u8);
        Assert.False(NodeKey.Verify(alice.PublicKey, "m"u8, signature));
    }

    [Fact]
    public void ExportImport_RoundTrips()
    {
        using NodeKey key = NodeKey.Generate();
        using NodeKey again = NodeKey.FromPrivateKey(key.ExportPrivateKey());
        Assert.Equal(key.PublicKey, again.PublicKey);
    }

    [Fact]
    public void BadLengths_NameTheParameter()
    {
        Assert.Throws<ArgumentException>("privateKey", () => NodeKey.FromPrivateKey(new byte[31]));
        Assert.Throws<ArgumentException>("bytes", () => new ProverPublicKey(new byte[33]));
        using NodeKey key = NodeKey.Generate();
        Assert.Throws<ArgumentException>("signature", () => key.Sign("m"u8, new byte[63]));
        Assert.False(NodeKey.Verify(key.PublicKey, "m"u8, new byte[63]));
    }
}
