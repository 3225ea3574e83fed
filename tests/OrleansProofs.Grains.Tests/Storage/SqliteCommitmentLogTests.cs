// SPDX-License-Identifier: MIT

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Storage;

/// <summary>The commitment log contract on a fresh SQLite database with the shipped schema scripts.</summary>
public sealed class SqliteCommitmentLogTests : CommitmentLogContract, IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posc-log-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteCommitmentLog _log;
    private readonly SqliteDatabase _database;

    public SqliteCommitmentLogTests()
    {
        Directory.CreateDirectory(_folder);
        _database = new SqliteDatabase(Options.Create(new NodeOptions { DataDirectory = _folder }), Options.Create(new SqliteStorageOptions()));
        _log = new SqliteCommitmentLog(_database);
    }

    protected override ICommitmentLog Log => _log;

    public async Task InitializeAsync() => await SqliteSchema.ApplyAsync(_database.Path, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
