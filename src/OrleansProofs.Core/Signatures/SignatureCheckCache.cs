// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Signatures;

/// <summary>
/// Remembers Ed25519 signatures this process has verified as valid, by SHA-256(public key ‖ message ‖
/// signature): every proof of one block carries the same block attestation and signature, so a
/// verifier checking many of them pays the ≈ 50 µs verification once per block instead of once per
/// proof. Only successes are stored (a flood of bad signatures cannot evict good ones, and a failure
/// is always re-checked); a hit means these exact bytes verified before. Thread-safe; bounded like
/// <see cref="Hierarchy.IteratedHashCache"/>.
/// </summary>
public sealed class SignatureCheckCache
{
    private readonly ConcurrentDictionary<Hash32, byte> _verified = new();

    /// <summary>A cache of at most <paramref name="capacity"/> verified signatures (default 16,384).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public SignatureCheckCache(int capacity = 16_384)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most signatures kept.</summary>
    public int Capacity { get; }

    /// <summary>Verifications answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    private long _hits;

    /// <summary><see cref="NodeKey.Verify"/>, answered from the cache when these exact bytes verified before.</summary>
    public bool Verify(ProverPublicKey signer, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Hash32 signerKey = signer.AsHash32();
        Hash32 messageHash = Sha256.Hash(message);
        Hash32 key = Sha256.HashConcat(signerKey.Bytes, messageHash.Bytes, signature);
        if (_verified.ContainsKey(key))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        if (!NodeKey.Verify(signer, message, signature))
        {
            return false;
        }

        if (_verified.Count >= Capacity)
        {
            _verified.Clear();
        }

        _verified[key] = 0;
        return true;
    }
}
