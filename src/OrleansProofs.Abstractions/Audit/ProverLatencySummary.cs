// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>
/// A verifier's latency figures for one prover, over its window of recent samples (its own timed probes
/// and peers' signed measurements; never anything the prover reported).
/// </summary>
/// <param name="Verdict">The current verdict's name: passed, too_slow, too_variable or insufficient.</param>
/// <param name="Reason">The verdict's reason, with the figures and limits.</param>
/// <param name="Samples">Samples in the window.</param>
/// <param name="VantagePoints">Distinct measuring verifiers among them.</param>
/// <param name="AverageMicroseconds">Their average round trip (null without samples).</param>
/// <param name="StandardDeviationMicroseconds">Their population standard deviation (null without samples).</param>
/// <param name="ChecksFailed">Blocks at which the verdict was a failure (each counted towards slashing).</param>
/// <param name="PeerSamplesRejected">Peer measurements refused (unreachable peer, bad signature, another probe).</param>
/// <param name="LastPeerError">The last such refusal's reason, or null.</param>
/// <param name="ProbesMeasuredForPeers">Probes of this prover this node timed at peers' request.</param>
/// <param name="LatestReport">The latest signed latency report (Core's <c>LatencyReport</c>, 161 bytes), or default.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ProverLatencySummary")]
public sealed record ProverLatencySummary(
    [property: Id(0)] string Verdict,
    [property: Id(1)] string Reason,
    [property: Id(2)] int Samples,
    [property: Id(3)] int VantagePoints,
    [property: Id(4)] ulong? AverageMicroseconds,
    [property: Id(5)] ulong? StandardDeviationMicroseconds,
    [property: Id(6)] ulong ChecksFailed,
    [property: Id(7)] ulong PeerSamplesRejected,
    [property: Id(8)] string? LastPeerError,
    [property: Id(9)] ulong ProbesMeasuredForPeers,
    [property: Id(10)] ImmutableArray<byte> LatestReport);
