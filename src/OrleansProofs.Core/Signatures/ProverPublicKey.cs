// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Signatures;

/// <summary>
/// A 32-byte Ed25519 public key as a value: a prover's or verifier's identity on the wire and in
/// every hash that binds a chain to its prover.
/// </summary>
public readonly struct ProverPublicKey : IEquatable<ProverPublicKey>
{
    private readonly Hash32 _bytes;

    /// <summary>Wraps exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes.</exception>
    public ProverPublicKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != NodeKey.PublicKeySize)
        {
            throw Error.WrongLength(nameof(bytes), NodeKey.PublicKeySize, bytes.Length);
        }

        _bytes = new Hash32(bytes);
    }

    /// <summary>The key bytes.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes.Bytes;

    /// <summary>The key bytes as a 32-byte value, for writing into protocol buffers without allocation.</summary>
    public Hash32 AsHash32() => _bytes;

    /// <summary>Parses 64 hex characters.</summary>
    public static ProverPublicKey Parse(string hex) => new(Hash32.Parse(hex).Bytes);

    /// <inheritdoc/>
    public bool Equals(ProverPublicKey other) => _bytes == other._bytes;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ProverPublicKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _bytes.GetHashCode();

    /// <summary>Lower-case hex.</summary>
    public override string ToString() => _bytes.ToString();

    /// <summary>Equality.</summary>
    public static bool operator ==(ProverPublicKey left, ProverPublicKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ProverPublicKey left, ProverPublicKey right) => !left.Equals(right);
}
