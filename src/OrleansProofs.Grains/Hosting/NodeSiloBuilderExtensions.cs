// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Grains.Checkpoints;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Ledger;
using OrleansProofs.Grains.Storage;

namespace Orleans.Hosting;

/// <summary>Registers the OrleansProofs node (options, node key, consensus parameters) on a silo.</summary>
public static class NodeSiloBuilderExtensions
{
    /// <summary>
    /// Adds the node's services. The host must also add grain storage named
    /// <see cref="NodeStorage.ProviderName"/>. Grain state is stored with the Orleans binary
    /// serializer (<see cref="OrleansGrainStorageSerializer"/>), the silo's default storage serializer
    /// from here on: the state holds Core types that only its registered surrogates convert (the JSON
    /// default would bypass the converters). Idempotent: a second call only adds its configuration.
    /// </summary>
    public static ISiloBuilder AddOrleansProofsNode(this ISiloBuilder builder, Action<NodeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        if (builder.Services.Any(d => d.ServiceType == typeof(NodeContext)))
        {
            return builder;
        }

        builder.Services.TryAddSingleton<NodeContext>();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<NodeMetrics>();

        // Hosts with durable grain storage replace this with a durable log (the embedded host: SQLite).
        builder.Services.TryAddSingleton<ICommitmentLog, MemoryCommitmentLog>();
        // Likewise the token ledger (docs/ledger.md): memory here, the node's database in the hosts.
        builder.Services.TryAddSingleton<ITokenLedger>(services => new MemoryTokenLedger(services.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton<IConfigurationValidator, TokenLedgerOptionsValidator>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, TokenLedgerFunding>();
        // The VDF's checkpoints (docs/grains.md): memory here, the node's database in the hosts.
        builder.Services.TryAddSingleton<IVdfCheckpointStore, MemoryVdfCheckpointStore>();
        builder.Services.TryAddSingleton<OrleansProofs.Grains.Vdf.VdfMetrics>();

        // The development chain's checkpoint board; a real chain's adapter registers its own channel first.
        builder.Services.TryAddSingleton<ICheckpointChannel, BoardCheckpointChannel>();
        builder.Services.AddSingleton<IConfigurationValidator, CheckpointOptionsValidator>();
        builder.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        builder.Services.AddSingleton<IConfigurationValidator, NodeOptionsValidator>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ReplicaWarmup>();
        // The verifier role's services (options, gateway clients, challenge secret, instruments): docs/operations.md.
        OrleansProofs.Grains.Audit.AuditServices.Add(builder.Services);
        return builder;
    }
}
