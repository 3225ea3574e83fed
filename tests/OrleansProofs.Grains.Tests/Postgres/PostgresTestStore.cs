// SPDX-License-Identifier: MIT

using Npgsql;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Postgres;

/// <summary>A new test schema migrated with the shipped PostgreSQL scripts, and a data source on it; both dropped on dispose.</summary>
public sealed class PostgresTestStore : IAsyncDisposable
{
    private PostgresTestStore(PostgresTestSchema schema, NpgsqlDataSource dataSource)
    {
        Schema = schema;
        DataSource = dataSource;
    }

    /// <summary>The schema (its connection string, ad-hoc queries).</summary>
    public PostgresTestSchema Schema { get; }

    /// <summary>The data source the node's stores take.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates and migrates a schema on the server of <see cref="PostgresTestEnvironment"/>.</summary>
    public static async Task<PostgresTestStore> CreateAsync()
    {
        PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();
        await PostgresSchema.ApplyAsync(schema.ConnectionString, CancellationToken.None);
        return new PostgresTestStore(schema, NpgsqlDataSource.Create(schema.ConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Schema.DisposeAsync();
    }
}
