// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;
using OrleansProofs.Silo.Storage;

namespace Orleans.Hosting;

/// <summary>Registers the embedded node's grain storage: Orleans AdoNet persistence on an SQLite file.</summary>
public static class SqliteStorageSiloBuilderExtensions
{
    /// <summary>
    /// Adds the grain storage <see cref="NodeStorage.ProviderName"/> through
    /// Microsoft.Orleans.Persistence.AdoNet with the invariant <see cref="SqliteSchema.Invariant"/>
    /// (Microsoft.Data.Sqlite), on the database of <see cref="SqliteStorageOptions"/>. The schema
    /// (infra/sql/sqlite) is applied at silo start before the provider reads its queries. The commitment log is the same database's OrleansProofsCommitments table.
    /// Idempotent: a second call only adds its configuration.
    /// </summary>
    public static ISiloBuilder AddOrleansProofsSqliteStorage(this ISiloBuilder builder, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        if (builder.Services.Any(d => d.ServiceType == typeof(SqliteDatabase)))
        {
            return builder;
        }

        builder.Services.TryAddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<IConfigurationValidator, SqliteStorageOptionsValidator>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SqliteSchemaInstaller>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ICommitmentLog, SqliteCommitmentLog>());
        builder.Services.Replace(ServiceDescriptor.Singleton<ITokenLedger, SqliteTokenLedger>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IVdfCheckpointStore, SqliteVdfCheckpointStore>());
        builder.AddAdoNetGrainStorage(NodeStorage.ProviderName, optionsBuilder => optionsBuilder.Configure<SqliteDatabase>((options, database) =>
        {
            options.Invariant = SqliteSchema.Invariant;
            options.ConnectionString = database.ConnectionString;
        }));

        // Registered after the AdoNet storage, so this keyed registration is the one grains (and the
        // storage's lifecycle participation) resolve: the same storage, writing one at a time.
        builder.Services.AddKeyedSingleton<IGrainStorage>(NodeStorage.ProviderName, (services, _) =>
            new SqliteGatedGrainStorage(AdoNetGrainStorageFactory.Create(services, NodeStorage.ProviderName), services.GetRequiredService<SqliteDatabase>()));
        return builder;
    }
}
