// SPDX-License-Identifier: MIT

using Microsoft.Data.Sqlite;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The SQLite script honours the Orleans AdoNet persistence contract on its own: the queries read
/// from OrleansQuery insert once, update only at the expected version, report a conflict by
/// returning the caller's version (or NULL), clear to a NULL payload, and keep grains apart by their
/// full key. Applying the schema is versioned and idempotent.
/// </summary>
public sealed class SqliteStorageScriptTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "posc-sql-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task WriteReadAndClearFollowTheVersionRules()
    {
        await SqliteSchema.ApplyAsync(_path, CancellationToken.None);
        using SqliteConnection connection = Open();

        Assert.Equal(1L, Write(connection, "a", version: null, [1]));
        Assert.Null(Write(connection, "a", version: null, [2]));            // a second insert is a conflict
        Assert.Equal(2L, Write(connection, "a", version: 1, [3]));
        Assert.Equal(1L, Write(connection, "a", version: 1, [4]));          // stale version: unchanged, conflict
        Assert.Equal(5L, Write(connection, "missing", version: 5, [5]));    // a version for no row inserts nothing
        Assert.Equal(((byte[]?)[3], 2L), Read(connection, "a"));
        Assert.Null(Read(connection, "missing"));

        Assert.Equal(3L, Clear(connection, "a", version: 2));
        Assert.Equal(2L, Clear(connection, "a", version: 2));               // stale clear: conflict
        Assert.Equal(((byte[]?)null, 3L), Read(connection, "a"));
        Assert.Equal(4L, Write(connection, "a", version: 3, [6]));

        Assert.Equal(1L, Write(connection, "b", version: null, [7]));       // another key is another row
        Assert.Equal(((byte[]?)[6], 4L), Read(connection, "a"));
    }

    [Fact]
    public async Task SchemaIsAppliedOnceAndScriptsAreIdempotent()
    {
        IReadOnlyList<SqlScript> first = await SqliteSchema.ApplyAsync(_path, CancellationToken.None);
        IReadOnlyList<SqlScript> second = await SqliteSchema.ApplyAsync(_path, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, SqliteSchema.LatestVersion), first.Select(s => s.Version));
        Assert.Empty(second);
        using SqliteConnection connection = Open();
        Assert.Equal(1L, Write(connection, "kept", version: null, [9]));
        using (SqliteCommand rerun = connection.CreateCommand())
        {
            rerun.CommandText = SqliteSchema.Scripts[0].Text;
            rerun.ExecuteNonQuery();
        }

        Assert.Equal(((byte[]?)[9], 1L), Read(connection, "kept"));
        Assert.Equal(SqliteSchema.LatestVersion, await SqliteSchema.ReadVersionAsync(connection, CancellationToken.None));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task DatabaseFromANewerBuildIsRefused()
    {
        await SqliteSchema.ApplyAsync(_path, CancellationToken.None);
        using (SqliteConnection connection = Open())
        {
            Scalar(connection, "INSERT INTO OrleansProofsSchema (Version, Name, AppliedOn) VALUES (99, 'future', 'now'); SELECT 1;");
        }

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteSchema.ApplyAsync(_path, CancellationToken.None));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (string file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private SqliteConnection Open()
    {
        SqliteConnection connection = new(SqliteSchema.ConnectionString(_path));
        connection.Open();
        return connection;
    }

    private static long? Write(SqliteConnection connection, string key, int? version, byte[] payload)
    {
        using SqliteCommand command = Command(connection, "WriteToStorageKey", key);
        command.Parameters.AddWithValue("GrainStateVersion", (object?)version ?? DBNull.Value);
        command.Parameters.AddWithValue("PayloadBinary", payload);
        return command.ExecuteScalar() is long value ? value : null;
    }

    private static long? Clear(SqliteConnection connection, string key, int version)
    {
        using SqliteCommand command = Command(connection, "ClearStorageKey", key);
        command.Parameters.AddWithValue("GrainStateVersion", version);
        return command.ExecuteScalar() is long value ? value : null;
    }

    private static (byte[]? Payload, long Version)? Read(SqliteConnection connection, string key)
    {
        using SqliteCommand command = Command(connection, "ReadFromStorageKey", key);
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        byte[]? payload = reader.IsDBNull(reader.GetOrdinal("PayloadBinary")) ? null : (byte[])reader["PayloadBinary"];
        return (payload, reader.GetInt64(reader.GetOrdinal("Version")));
    }

    /// <summary>The stored query with the key parameters Orleans binds (string key, no extension).</summary>
    private static SqliteCommand Command(SqliteConnection connection, string queryKey, string key)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = (string)Scalar(connection, $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{queryKey}';")!;
        command.Parameters.AddWithValue("GrainIdHash", key.Length);
        command.Parameters.AddWithValue("GrainIdN0", 0L);
        command.Parameters.AddWithValue("GrainIdN1", 0L);
        command.Parameters.AddWithValue("GrainTypeHash", 42);
        command.Parameters.AddWithValue("GrainTypeString", "test");
        command.Parameters.AddWithValue("GrainIdExtensionString", key);
        command.Parameters.AddWithValue("ServiceId", "svc");
        return command;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
