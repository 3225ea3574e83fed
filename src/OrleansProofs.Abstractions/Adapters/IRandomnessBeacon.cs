// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Adapters;

/// <summary>
/// The randomness beacon adapter: a public source of one unpredictable value per layer-1 height that
/// anyone can check. When a node is configured with a beacon, each block's entropy mixes the beacon
/// value in (<c>block_entropy = H(tag ‖ block_hash ‖ beacon ‖ height)</c>) and the block record carries it,
/// so a prover cannot pre-compute chunk selections even if it could predict block hashes. A verifier
/// asks the same beacon for the same height and compares; it never trusts the value a prover recorded.
/// The development beacon (Ed25519-signed heights) implements it; a real beacon (drand, a chain's VRF)
/// replaces it without touching the callers.
/// </summary>
public interface IRandomnessBeacon
{
    /// <summary>A short name of the scheme and key, for logs and the status page (for example "dev-ed25519:ab12…").</summary>
    string Description { get; }

    /// <summary>
    /// Waits until the beacon has a value for <paramref name="height"/> and returns it with its proof.
    /// Asking again for the same height returns the same value.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<BeaconOutput> GetAsync(ulong height, CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="output"/> is the beacon's value for its height, checked from its proof
    /// and the beacon's public identity only (no trust in whoever handed it over); false for anything else.
    /// </summary>
    bool Verify(BeaconOutput output);
}
