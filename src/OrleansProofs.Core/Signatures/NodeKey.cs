// SPDX-License-Identifier: MIT
//  Ed25519
//      Edwards-curve digital signatures, RFC 8032 (pure Ed25519, no prehash, no context).
//  Implementation:
//      NSec.Cryptography over libsodium: maintained, constant-time, and shipped with native
//      binaries for Linux, Windows and macOS. The .NET 10 BCL has no Ed25519.
//  Sizes:
//      private seed 32 bytes, public key 32 bytes, signature 64 bytes.

using NSec.Cryptography;

namespace OrleansProofs.Core.Signatures;

/// <summary>
/// A node's Ed25519 signing key. The prover signs each block's global root and its VDF checkpoints;
/// verifiers sign their reports. Dispose it to wipe the private key from memory.
/// </summary>
public sealed class NodeKey : IDisposable
{
    /// <summary>Size of the private seed in bytes.</summary>
    public const int PrivateKeySize = 32;

    /// <summary>Size of a public key in bytes.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Size of a signature in bytes.</summary>
    public const int SignatureSize = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key _key;

    private NodeKey(Key key)
    {
        _key = key;
        PublicKey = new ProverPublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public half, safe to publish.</summary>
    public ProverPublicKey PublicKey { get; }

    /// <summary>Creates a fresh random key.</summary>
    public static NodeKey Generate() =>
        new(Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Imports a key from its 32-byte private seed.</summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static NodeKey FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeySize)
        {
            throw Error.WrongLength(nameof(privateKey), PrivateKeySize, privateKey.Length);
        }

        return new(Key.Import(Algorithm, privateKey, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
    }

    /// <summary>Exports the 32-byte private seed (for the key file only).</summary>
    public byte[] ExportPrivateKey() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>Signs <paramref name="message"/> into <paramref name="signature"/> (exactly 64 bytes).</summary>
    public void Sign(ReadOnlySpan<byte> message, Span<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            throw Error.WrongLength(nameof(signature), SignatureSize, signature.Length);
        }

        Algorithm.Sign(_key, message, signature);
    }

    /// <summary>Signs <paramref name="message"/> and returns the 64-byte signature.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        byte[] signature = new byte[SignatureSize];
        Algorithm.Sign(_key, message, signature);
        return signature;
    }

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();

    /// <summary>Verifies a signature made by the holder of <paramref name="publicKey"/>; false for any malformed input.</summary>
    public static bool Verify(ProverPublicKey publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize ||
            !NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey.Bytes, KeyBlobFormat.RawPublicKey, out NSec.Cryptography.PublicKey? key) ||
            key is null)
        {
            return false;
        }

        return Algorithm.Verify(key, message, signature);
    }
}
