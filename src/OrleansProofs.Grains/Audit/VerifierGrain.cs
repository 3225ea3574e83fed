// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Core.Latency;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Audit;

/// <summary>The node's role and its audits (<see cref="IVerifierGrain"/>); stateless, so any silo answers.</summary>
[StatelessWorker]
internal sealed class VerifierGrain(NodeContext node, IOptions<NodeOptions> nodeOptions, IOptions<VerifierOptions> verifierOptions, ProverGateways gateways)
    : Grain, IVerifierGrain
{
    /// <inheritdoc/>
    public async Task<VerifierOverview> GetOverviewAsync()
    {
        string role = await GetRoleAsync();
        ImmutableArray<ProverAuditSummary> provers = NodeRoles.Verifies(role)
            ? [.. await Task.WhenAll(gateways.Keys.Select(key => GrainFactory.GetGrain<IProverAuditGrain>(key.ToString()).GetSummaryAsync()))]
            : [];
        return new VerifierOverview(role, node.Key.PublicKey.ToString(), provers);
    }

    /// <inheritdoc/>
    public async Task<PeerProbeAnswer> MeasureForPeerAsync(ImmutableArray<byte> signedProbe)
    {
        if (!NodeRoles.Verifies(await GetRoleAsync()))
        {
            return PeerProbeAnswer.Refused(PeerProbeStatus.NotAudited, "this node does not verify (NodeOptions.Role is prover), so it times no probes.");
        }

        if (signedProbe.IsDefault || signedProbe.Length != LatencyProbe.EncodedSize)
        {
            return PeerProbeAnswer.Refused(PeerProbeStatus.Malformed,
                $"the probe must be a signed latency probe request of {LatencyProbe.EncodedSize} bytes; got {(signedProbe.IsDefault ? 0 : signedProbe.Length)}.");
        }

        if (!LatencyProbe.TryVerify(signedProbe.AsSpan(), out LatencyProbe? probe))
        {
            return PeerProbeAnswer.Refused(PeerProbeStatus.Unauthorized, "the probe's signature does not verify under the requester key it names.");
        }

        string requester = probe!.Requester.ToString();
        if (!verifierOptions.Value.LatencyPeers.Any(peer => string.Equals(peer.PublicKey, requester, StringComparison.OrdinalIgnoreCase)))
        {
            return PeerProbeAnswer.Refused(PeerProbeStatus.Unauthorized, $"requester {requester} is not in this node's VerifierOptions.LatencyPeers.");
        }

        if (gateways.For(probe.Prover) is null)
        {
            // Only provers this node audits, at the gateway it configured: never an address a requester chose.
            return PeerProbeAnswer.Refused(PeerProbeStatus.NotAudited, $"this node does not audit prover {probe.Prover} (not in its VerifierOptions.Provers).");
        }

        return await GrainFactory.GetGrain<IProverAuditGrain>(probe.Prover.ToString()).MeasureForPeerAsync(signedProbe);
    }

    /// <inheritdoc/>
    public Task<string> GetRoleAsync() => Task.FromResult(NodeRoles.Normalize(nodeOptions.Value.Role) ?? NodeRoles.Prover);
}
