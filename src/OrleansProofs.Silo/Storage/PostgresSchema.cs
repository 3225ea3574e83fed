// SPDX-License-Identifier: MIT

using System.Globalization;
using Npgsql;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// The versioned PostgreSQL scripts of <c>infra/sql/postgresql</c> (embedded in this assembly) and the
/// migration step that brings a database up to date: under a session-level advisory lock (so silos
/// starting together, or a silo and <c>--migrate-only</c>, never run the same script twice at once),
/// each script above the recorded version runs in its own transaction and records its version in
/// <c>OrleansProofsSchema</c>. Scripts are idempotent, so one interrupted by a crash simply runs again.
/// </summary>
public static class PostgresSchema
{
    /// <summary>The ADO.NET invariant under which the Orleans AdoNet providers load Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// The advisory lock key the migration step holds (ASCII "POSCSCHM"): one constant for every
    /// process of every version, so any two migrations on a database exclude each other.
    /// </summary>
    public const long MigrationLockKey = 0x504F_5343_5343_484D;

    private const string ResourcePrefix = "OrleansProofs.Silo.PostgreSql.";

    /// <summary>The embedded scripts, by version ascending.</summary>
    public static IReadOnlyList<SqlScript> Scripts { get; } = SqlScript.LoadEmbedded(ResourcePrefix, "infra/sql/postgresql");

    /// <summary>The version the newest script brings a database to.</summary>
    public static int LatestVersion => Scripts[^1].Version;

    /// <summary>
    /// Applies every script above the database's recorded version, up to <paramref name="targetVersion"/>
    /// (default: the latest), while holding the migration lock. Returns the scripts applied now (empty
    /// when the database was up to date).
    /// </summary>
    /// <exception cref="InvalidOperationException">The database records a version newer than this build knows.</exception>
    public static async Task<IReadOnlyList<SqlScript>> ApplyAsync(string connectionString, CancellationToken cancellationToken, int? targetVersion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        int target = targetVersion ?? LatestVersion;
        ArgumentOutOfRangeException.ThrowIfLessThan(target, 1, nameof(targetVersion));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(target, LatestVersion, nameof(targetVersion));

        await using NpgsqlConnection connection = new(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({MigrationLockKey});", cancellationToken);
        try
        {
            int current = await ReadVersionAsync(connection, cancellationToken);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL database '{connection.Database}' on {connection.Host}:{connection.Port} has OrleansProofs schema version {current}; " +
                    $"this build knows versions up to {LatestVersion}. Run a build at least as new as the one that upgraded it, or use another database.");
            }

            List<SqlScript> applied = [];
            foreach (SqlScript script in Scripts)
            {
                if (script.Version <= current || script.Version > target)
                {
                    continue;
                }

                await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Text, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                applied.Add(script);
            }

            return applied;
        }
        finally
        {
            // The lock is also released when the session ends; unlocking here returns the pooled
            // connection clean. A cancelled token must not skip it.
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({MigrationLockKey});", CancellationToken.None);
        }
    }

    /// <summary>The schema version recorded in the database (0 when no script has run), in the connection's search path.</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using NpgsqlCommand exists = new("SELECT to_regclass('orleansproofsschema') IS NOT NULL;", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return 0;
        }

        await using NpgsqlCommand max = new("SELECT COALESCE(MAX(Version), 0) FROM OrleansProofsSchema;", connection);
        return Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A description of the server a connection string points at, safe to log: host, port, database and
    /// user, never the password or any other setting.
    /// </summary>
    public static string Describe(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder = new(connectionString);
        return $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{builder.Database} as {builder.Username}";
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = new(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
