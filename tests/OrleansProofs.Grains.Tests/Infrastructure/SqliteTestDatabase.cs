// SPDX-License-Identifier: MIT

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>A node database in a new temporary folder, brought up to date with the shipped SQLite scripts; deleted on dispose.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posc-db-" + Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(_folder);
        Database = new SqliteDatabase(Options.Create(new NodeOptions { DataDirectory = _folder }), Options.Create(new SqliteStorageOptions()));
    }

    /// <summary>The database, as the node's stores take it.</summary>
    internal SqliteDatabase Database { get; }

    /// <summary>Applies the schema scripts.</summary>
    public Task MigrateAsync() => SqliteSchema.ApplyAsync(Database.Path, CancellationToken.None);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
