// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Silo.Storage;

namespace Orleans.Hosting;

/// <summary>Registers the cluster mode's shared storage: Orleans AdoNet clustering, reminders and grain persistence, and the commitment log, on PostgreSQL.</summary>
public static class PostgresStorageSiloBuilderExtensions
{
    /// <summary>
    /// Uses the PostgreSQL database of <see cref="PostgresClusterOptions.ConnectionString"/> (invariant
    /// <see cref="PostgresSchema.Invariant"/>) for membership (Microsoft.Orleans.Clustering.AdoNet),
    /// reminders (Microsoft.Orleans.Reminders.AdoNet), the grain storage <see cref="NodeStorage.ProviderName"/>
    /// (Microsoft.Orleans.Persistence.AdoNet) and the commitment log (<see cref="PostgresCommitmentLog"/>).
    /// The schema (infra/sql/postgresql) is applied at the first lifecycle stage unless
    /// <see cref="PostgresClusterOptions.MigrateOnStart"/> is off. The caller configures the cluster id,
    /// service id and endpoints. Database errors leave grain calls as <see cref="OrleansProofs.Abstractions.Node.StorageUnavailableException"/>
    /// (<see cref="StorageFailureCallFilter"/>).
    /// </summary>
    public static ISiloBuilder AddOrleansProofsPostgres(this ISiloBuilder builder, PostgresClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        string connectionString = options.OrleansConnectionString;

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(options.NodeTablesConnectionString));
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresSchemaInstaller>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ICommitmentLog, PostgresCommitmentLog>());
        builder.Services.Replace(ServiceDescriptor.Singleton<ITokenLedger, PostgresTokenLedger>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IVdfCheckpointStore, PostgresVdfCheckpointStore>());
        builder.AddIncomingGrainCallFilter<StorageFailureCallFilter>();
        builder.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = PostgresSchema.Invariant;
            clustering.ConnectionString = connectionString;
        });
        builder.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = PostgresSchema.Invariant;
            reminders.ConnectionString = connectionString;
        });
        builder.AddAdoNetGrainStorage(NodeStorage.ProviderName, storage =>
        {
            storage.Invariant = PostgresSchema.Invariant;
            storage.ConnectionString = connectionString;
        });
        return builder;
    }
}
