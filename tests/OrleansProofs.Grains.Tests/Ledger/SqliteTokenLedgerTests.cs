// SPDX-License-Identifier: MIT

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Ledger;

/// <summary>The token ledger contract on a fresh SQLite database with the shipped schema scripts, plus what only a database shows.</summary>
public sealed class SqliteTokenLedgerTests : TokenLedgerContract, IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posc-ledger-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;
    private readonly SqliteTokenLedger _ledger;

    public SqliteTokenLedgerTests()
    {
        Directory.CreateDirectory(_folder);
        _database = new SqliteDatabase(Options.Create(new NodeOptions { DataDirectory = _folder }), Options.Create(new SqliteStorageOptions()));
        _ledger = new SqliteTokenLedger(_database);
    }

    protected override ITokenLedger Ledger => _ledger;

    public async Task InitializeAsync() => await SqliteSchema.ApplyAsync(_database.Path, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrDeleteAJournalRow()
    {
        await Ledger.CreditAsync("fund", "alice", 10);
        await using SqliteConnection connection = new(_database.ConnectionString);
        await connection.OpenAsync();

        foreach (string sql in new[]
        {
            "UPDATE OrleansProofsLedgerJournal SET Amount = 1000000;",
            "DELETE FROM OrleansProofsLedgerJournal;",
            "INSERT INTO OrleansProofsLedgerJournal (MovementId, Kind, Account, Amount, RecordedAt) VALUES ('fund', 1, 'alice', 10, 0);",
            "UPDATE OrleansProofsLedgerBalances SET Balance = -1;",
        })
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        }

        Assert.Equal(10UL, (await Ledger.ReadJournalAsync(0, 10)).Single().Amount);
        Assert.Equal(10UL, await Ledger.GetBalanceAsync("alice"));
    }

    [Fact]
    public async Task AnotherLedgerOnTheSameFileSeesEverythingAndReplaysIdempotently()
    {
        await Ledger.CreditAsync("fund", "alice", 1_000);
        LedgerResult bond = await Ledger.CreateBondAsync("cp", "alice", BondPurpose.Checkpoint, 1_000);
        SqliteConnection.ClearAllPools();

        SqliteTokenLedger reopened = new(_database);

        Assert.Equal(0UL, await reopened.GetBalanceAsync("alice"));
        Assert.Equal(BondState.Active, (await reopened.GetBondAsync("cp"))!.State);
        LedgerResult replay = await reopened.CreateBondAsync("cp", "alice", BondPurpose.Checkpoint, 1_000);
        Assert.Equal(LedgerOutcome.AlreadyApplied, replay.Outcome);
        Assert.Equal(bond.Entry, replay.Entry);
    }
}
