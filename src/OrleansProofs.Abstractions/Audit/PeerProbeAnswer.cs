// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>What a verifier answers a peer verifier that asked it to time a latency probe.</summary>
/// <param name="Status">Measured, or why not.</param>
/// <param name="Measurement">The signed measurement (Core's <c>LatencyMeasurement</c>, 249 bytes) when measured; else default.</param>
/// <param name="Reason">Why it was refused, naming what was wrong; null when measured.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.PeerProbeAnswer")]
public sealed record PeerProbeAnswer(
    [property: Id(0)] PeerProbeStatus Status,
    [property: Id(1)] ImmutableArray<byte> Measurement,
    [property: Id(2)] string? Reason)
{
    /// <summary>A signed measurement.</summary>
    public static PeerProbeAnswer Measured(ImmutableArray<byte> measurement) => new(PeerProbeStatus.Measured, measurement, null);

    /// <summary>A refusal.</summary>
    public static PeerProbeAnswer Refused(PeerProbeStatus status, string reason) => new(status, default, reason);
}

/// <summary>The outcome of a peer's probe request.</summary>
[GenerateSerializer]
[Alias("OrleansProofs.PeerProbeStatus")]
public enum PeerProbeStatus
{
    /// <summary>The probe was timed and its answer checked; the measurement is signed.</summary>
    Measured = 0,

    /// <summary>The request is not a well-formed signed probe.</summary>
    Malformed = 1,

    /// <summary>The requester is not one of this node's configured latency peers, or its signature does not verify.</summary>
    Unauthorized = 2,

    /// <summary>This node does not audit the prover (or does not verify at all): it probes only provers it audits itself.</summary>
    NotAudited = 3,

    /// <summary>This node has not pinned the chain's registration, so it could not check the answer.</summary>
    NotPinned = 4,
}
