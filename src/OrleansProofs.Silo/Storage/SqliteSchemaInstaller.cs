// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Logging;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// Brings the node's SQLite database up to date before the silo's storage providers start (they read
/// their queries from it at <see cref="ServiceLifecycleStage.ApplicationServices"/>).
/// </summary>
internal sealed partial class SqliteSchemaInstaller(SqliteDatabase database, ILogger<SqliteSchemaInstaller> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteSchemaInstaller), ServiceLifecycleStage.RuntimeInitialize, InstallAsync);

    private async Task InstallAsync(CancellationToken cancellationToken)
    {
        bool existed = File.Exists(database.Path);
        IReadOnlyList<SqlScript> applied = await SqliteSchema.ApplyAsync(database.Path, cancellationToken);
        if (!existed)
        {
            LogDatabaseCreated(logger, database.Path);
        }

        foreach (SqlScript script in applied)
        {
            LogScriptApplied(logger, script.Version, script.Name, database.Path);
        }

        LogSchemaReady(logger, database.Path, SqliteSchema.LatestVersion);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the SQLite database {Path}")]
    private static partial void LogDatabaseCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied SQL script {Version:D4}-{Name} to {Path}")]
    private static partial void LogScriptApplied(ILogger logger, int version, string name, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage: SQLite {Path}, schema version {Version}")]
    private static partial void LogSchemaReady(ILogger logger, string path, int version);
}
