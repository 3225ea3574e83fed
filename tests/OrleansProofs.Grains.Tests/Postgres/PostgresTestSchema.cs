// SPDX-License-Identifier: MIT

using Npgsql;

namespace OrleansProofs.Grains.Tests.Postgres;

/// <summary>
/// A new, empty PostgreSQL schema on the test server, and a connection string whose search path is
/// that schema only: every unqualified table the scripts and the Orleans queries name lands in it, so
/// tests (and their silos) run side by side on one database without seeing each other. Dropped, with
/// everything in it, on dispose.
/// </summary>
public sealed class PostgresTestSchema : IAsyncDisposable
{
    private readonly string _server;

    private PostgresTestSchema(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ToString();
    }

    /// <summary>The schema's name.</summary>
    public string Name { get; }

    /// <summary>The connection string confined to the schema.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a schema on the server of <see cref="PostgresTestEnvironment"/>.</summary>
    public static async Task<PostgresTestSchema> CreateAsync()
    {
        string server = PostgresTestEnvironment.ConnectionString
            ?? throw new InvalidOperationException(PostgresTestEnvironment.SkipReason);
        string name = "t_" + Guid.NewGuid().ToString("N");
        await using NpgsqlConnection connection = new(server);
        await connection.OpenAsync();
        await using NpgsqlCommand create = new($"CREATE SCHEMA {name};", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgresTestSchema(server, name);
    }

    /// <summary>Runs <paramref name="sql"/> in the schema and returns the rows.</summary>
    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using NpgsqlConnection connection = new(ConnectionString);
        await connection.OpenAsync();
        await using NpgsqlCommand command = new(sql, connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        List<object?[]> rows = [];
        while (await reader.ReadAsync())
        {
            object?[] row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs <paramref name="sql"/> in the schema.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using NpgsqlConnection connection = new(ConnectionString);
        await connection.OpenAsync();
        await using NpgsqlCommand command = new(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using NpgsqlConnection connection = new(_server);
        await connection.OpenAsync();
        await using NpgsqlCommand drop = new($"DROP SCHEMA IF EXISTS {Name} CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
