// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Orleans.CodeGeneration;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>
/// This node's verifier role, answered on a silo (stateless worker, use key 0): whether it audits,
/// which provers, and their scores — so a gateway in another process can show them without the options.
/// Version 2 added <see cref="MeasureForPeerAsync"/>, the peer side of latency verification.
/// </summary>
[Alias("OrleansProofs.IVerifierGrain")]
[Version(2)]
public interface IVerifierGrain : IGrainWithIntegerKey
{
    /// <summary>The node's role and, when it verifies, every audited prover's summary.</summary>
    [Alias("GetOverview")]
    Task<VerifierOverview> GetOverviewAsync();

    /// <summary>The node's role alone ("prover", "verifier" or "both"), without the audits (cheap: health checks ask it).</summary>
    [Alias("GetRole")]
    Task<string> GetRoleAsync();

    /// <summary>
    /// A peer verifier's request to time a latency probe (<c>POST /api/latency/probes</c>): refused unless this
    /// node verifies, the request is a probe signed by one of its configured latency peers, and the prover is
    /// one it audits itself (so it never probes an arbitrary address); then timed by the prover's audit grain.
    /// </summary>
    /// <param name="signedProbe">Core's <c>LatencyProbe</c> encoding (208 bytes).</param>
    [Alias("MeasureForPeer")]
    Task<PeerProbeAnswer> MeasureForPeerAsync(ImmutableArray<byte> signedProbe);
}
