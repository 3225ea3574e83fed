// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Adapters;

/// <summary>
/// The network adapter of the verifier role (DESIGN §2, "network: measure latency, peers"): the other
/// verifiers this node can ask to time a data-dependent probe of a prover from where they stand, so a
/// latency verdict rests on several vantage points rather than this node's link alone. The verifier is
/// itself one vantage point and times its own probes; the adapter carries only the peers' part. The HTTP
/// implementation asks each peer's gateway (<c>POST /api/latency/probes</c>); a chain-specific network can
/// replace it. Whatever comes back is the peer's claim: the auditor accepts a measurement only under the
/// peer key it configured and only for the probe it signed (Core's <c>LatencyMeasurement.Check</c>).
/// </summary>
public interface INetworkAdapter
{
    /// <summary>The peer verifiers to ask, in configuration order (empty: the verifier is its only vantage point).</summary>
    IReadOnlyList<VantagePoint> Peers { get; }

    /// <summary>
    /// Asks <paramref name="peer"/> to time the probe <paramref name="signedProbe"/> (Core's <c>LatencyProbe</c>
    /// encoding, signed by this verifier) against the prover it names. Never throws for the peer's failures
    /// (unreachable, refused, malformed): they come back as a result without a measurement, with the reason.
    /// </summary>
    Task<PeerMeasurement> RequestMeasurementAsync(VantagePoint peer, ImmutableArray<byte> signedProbe, CancellationToken cancellationToken = default);
}

/// <summary>A peer verifier: its public key (which must sign its measurements) and where to reach it.</summary>
/// <param name="Key">The peer's Ed25519 node key, 64 hex characters.</param>
/// <param name="Address">The peer gateway's base address.</param>
public sealed record VantagePoint(string Key, Uri Address);

/// <summary>A peer's answer: its signed measurement's bytes (Core's <c>LatencyMeasurement</c>, unchecked), or why there is none.</summary>
/// <param name="Measurement">The bytes the peer returned, or default when it returned none.</param>
/// <param name="Error">Why there is no measurement, or null.</param>
public sealed record PeerMeasurement(ImmutableArray<byte> Measurement, string? Error)
{
    /// <summary>A peer's returned bytes.</summary>
    public static PeerMeasurement Returned(ImmutableArray<byte> measurement) => new(measurement, null);

    /// <summary>No measurement, because of <paramref name="error"/>.</summary>
    public static PeerMeasurement Failed(string error) => new(default, error);
}
