// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// The versioned SQLite scripts of <c>infra/sql/sqlite</c> (embedded in this assembly as
/// <c>NNNN-name.sql</c>) and the step that brings a database up to date: each script whose version
/// is above the database's recorded version runs in its own transaction and records its version in
/// <c>OrleansProofsSchema</c>. Scripts are idempotent, so re-running one after a crash is harmless.
/// </summary>
public static class SqliteSchema
{
    /// <summary>The ADO.NET invariant under which the Orleans AdoNet providers load Microsoft.Data.Sqlite.</summary>
    public const string Invariant = "System.Data.SQLite";

    private const string ResourcePrefix = "OrleansProofs.Silo.Sql.";

    /// <summary>The embedded scripts, by version ascending.</summary>
    public static IReadOnlyList<SqlScript> Scripts { get; } = SqlScript.LoadEmbedded(ResourcePrefix, "infra/sql/sqlite");

    /// <summary>The version the newest script brings a database to.</summary>
    public static int LatestVersion => Scripts[^1].Version;

    /// <summary>The connection string of the database file at <paramref name="databasePath"/> (created when missing).</summary>
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    /// <summary>
    /// Creates the database if needed, switches it to write-ahead logging, and applies every script
    /// above its recorded version. Returns the scripts applied now (empty when it was up to date).
    /// </summary>
    /// <exception cref="InvalidOperationException">The database records a version newer than this build knows.</exception>
    public static async Task<IReadOnlyList<SqlScript>> ApplyAsync(string databasePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await using SqliteConnection connection = new(ConnectionString(databasePath));
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);

        int current = await ReadVersionAsync(connection, cancellationToken);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database '{databasePath}' has schema version {current}; this build knows versions up to {LatestVersion}. Run a newer build or use another database.");
        }

        List<SqlScript> applied = [];
        foreach (SqlScript script in Scripts)
        {
            if (script.Version <= current)
            {
                continue;
            }

            await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, script.Text, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(script);
        }

        return applied;
    }

    /// <summary>The schema version recorded in the database (0 when no script has run).</summary>
    public static async Task<int> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using SqliteCommand exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'OrleansProofsSchema';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        await using SqliteCommand max = connection.CreateCommand();
        max.CommandText = "SELECT COALESCE(MAX(Version), 0) FROM OrleansProofsSchema;";
        return Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
