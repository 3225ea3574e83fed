// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// Brings the cluster's PostgreSQL database up to date at the very first silo lifecycle stage, before
/// membership, reminders and grain storage read their queries from it. Several silos starting together
/// take turns on the migration lock; the second finds the database current and applies nothing.
/// </summary>
internal sealed partial class PostgresSchemaInstaller(IOptions<PostgresClusterOptions> options, ILogger<PostgresSchemaInstaller> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchemaInstaller), ServiceLifecycleStage.First, InstallAsync);

    private async Task InstallAsync(CancellationToken cancellationToken)
    {
        string connectionString = options.Value.NodeTablesConnectionString;
        string server = PostgresSchema.Describe(connectionString);
        if (!options.Value.MigrateOnStart)
        {
            LogMigrationSkipped(logger, server);
            return;
        }

        IReadOnlyList<SqlScript> applied = await PostgresSchema.ApplyAsync(connectionString, cancellationToken);
        foreach (SqlScript script in applied)
        {
            LogScriptApplied(logger, script.Version, script.Name, server);
        }

        LogSchemaReady(logger, server, PostgresSchema.LatestVersion);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied SQL script {Version:D4}-{Name} to PostgreSQL {Server}")]
    private static partial void LogScriptApplied(ILogger logger, int version, string name, string server);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster storage: PostgreSQL {Server}, schema version {Version}")]
    private static partial void LogSchemaReady(ILogger logger, string server, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster storage: PostgreSQL {Server}; schema migration at start is off (OrleansProofs:Cluster:MigrateOnStart)")]
    private static partial void LogMigrationSkipped(ILogger logger, string server);
}
