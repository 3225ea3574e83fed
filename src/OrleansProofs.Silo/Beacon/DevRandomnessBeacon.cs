// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Core.Beacon;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Silo.Beacon;

/// <summary>
/// The development randomness beacon (<see cref="SignedBeacon"/>): the holder of the beacon key signs
/// each height, the value is the hash of the signature, and anyone with the public key verifies it.
/// A node that runs it holds the key itself, so on a development network the prover could compute
/// future values: it exercises the wiring and the verification, not the unpredictability a separate
/// beacon operator (or drand) gives. Constructed from the public key alone it only verifies.
/// </summary>
public sealed class DevRandomnessBeacon : IRandomnessBeacon, IDisposable
{
    private readonly NodeKey? _key;

    /// <summary>A beacon that produces values with <paramref name="key"/> (it takes ownership and disposes it).</summary>
    public DevRandomnessBeacon(NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        PublicKey = key.PublicKey;
    }

    /// <summary>A beacon known by its public key only: it verifies values, and <see cref="GetAsync"/> throws.</summary>
    public DevRandomnessBeacon(ProverPublicKey publicKey) => PublicKey = publicKey;

    /// <summary>The beacon's public key (what verifiers configure).</summary>
    public ProverPublicKey PublicKey { get; }

    /// <inheritdoc/>
    public string Description => "dev-ed25519:" + PublicKey;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">This instance holds no private key.</exception>
    public ValueTask<BeaconOutput> GetAsync(ulong height, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_key is null)
        {
            throw new InvalidOperationException($"The beacon {PublicKey} is known by its public key only here; it verifies values but cannot produce them.");
        }

        (Hash32 value, byte[] proof) = SignedBeacon.Produce(_key, height);
        return ValueTask.FromResult(new BeaconOutput(height, value, ImmutableArray.Create(proof)));
    }

    /// <inheritdoc/>
    public bool Verify(BeaconOutput output) =>
        output is not null && !output.Proof.IsDefault && SignedBeacon.Verify(PublicKey, output.Height, output.Value, output.Proof.AsSpan());

    /// <inheritdoc/>
    public void Dispose() => _key?.Dispose();
}
