// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Audit;

/// <summary>The node's role and its audits (<see cref="IVerifierGrain"/>); stateless, so any silo answers.</summary>
[StatelessWorker]
internal sealed class VerifierGrain(NodeContext node, IOptions<NodeOptions> nodeOptions, ProverGateways gateways) : Grain, IVerifierGrain
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
    public Task<string> GetRoleAsync() => Task.FromResult(NodeRoles.Normalize(nodeOptions.Value.Role) ?? NodeRoles.Prover);
}
