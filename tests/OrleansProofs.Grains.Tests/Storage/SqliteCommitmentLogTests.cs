// SPDX-License-Identifier: MIT

using OrleansProofs.Grains.Storage;
using OrleansProofs.Grains.Tests.Infrastructure;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Storage;

/// <summary>The commitment log contract on a fresh SQLite database with the shipped schema scripts.</summary>
public sealed class SqliteCommitmentLogTests : CommitmentLogContract, IAsyncLifetime, IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly SqliteCommitmentLog _log;

    public SqliteCommitmentLogTests() => _log = new SqliteCommitmentLog(_database.Database);

    protected override ICommitmentLog Log => _log;

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _database.Dispose();
}
