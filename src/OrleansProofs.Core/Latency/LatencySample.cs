// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Latency;

/// <summary>
/// One timed, data-dependent probe as a verdict counts it: which verifier timed it (the vantage point),
/// the round trip that verifier measured around its own request, and whether the answer carried the
/// requested chunk's bytes bound to the probe's nonce (checked against the pinned registration).
/// </summary>
/// <param name="VantagePoint">The measuring verifier's public key.</param>
/// <param name="RoundTripMicroseconds">The round trip it measured, request sent to answer read, in microseconds.</param>
/// <param name="DataVerified">Whether the answer verified; an unverified probe counts as at least the probe timeout (<see cref="LatencyCriteria.FailedProbeMicroseconds"/>).</param>
public readonly record struct LatencySample(ProverPublicKey VantagePoint, ulong RoundTripMicroseconds, bool DataVerified);
