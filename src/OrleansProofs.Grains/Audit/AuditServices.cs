// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// Registers the verifier role's services on every node (a prover-only node needs them to answer
/// <see cref="Abstractions.Audit.IVerifierGrain"/>): its options and their validation, the gateway
/// clients, the challenge secret, the instruments and the network adapter (latency peers; replace it for a chain-specific network). The audit loop itself is the host's (it follows the node's blocks).
/// </summary>
internal static class AuditServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<VerifierOptions>();
        services.TryAddSingleton<ProverGateways>();
        services.TryAddSingleton<VerifierSecret>();
        services.TryAddSingleton<AuditMetrics>();
        services.TryAddSingleton<Abstractions.Adapters.INetworkAdapter, HttpNetworkAdapter>();
        services.AddSingleton<IConfigurationValidator, VerifierOptionsValidator>();
    }
}
