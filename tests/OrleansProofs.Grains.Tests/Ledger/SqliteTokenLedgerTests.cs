// SPDX-License-Identifier: MIT

using Microsoft.Data.Sqlite;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Grains.Tests.Infrastructure;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Ledger;

/// <summary>The token ledger contract on a fresh SQLite database with the shipped schema scripts, plus what only a database shows.</summary>
public sealed class SqliteTokenLedgerTests : TokenLedgerContract, IAsyncLifetime, IDisposable
{
    private readonly SqliteTestDatabase _test = new();
    private readonly SqliteTokenLedger _ledger;

    public SqliteTokenLedgerTests() => _ledger = new SqliteTokenLedger(_test.Database);

    protected override ITokenLedger Ledger => _ledger;

    public Task InitializeAsync() => _test.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrDeleteAJournalRow()
    {
        await Ledger.CreditAsync("fund", "alice", 10);
        await using SqliteConnection connection = new(_test.Database.ConnectionString);
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

        SqliteTokenLedger reopened = new(_test.Database);

        Assert.Equal(0UL, await reopened.GetBalanceAsync("alice"));
        Assert.Equal(BondState.Active, (await reopened.GetBondAsync("cp"))!.State);
        LedgerResult replay = await reopened.CreateBondAsync("cp", "alice", BondPurpose.Checkpoint, 1_000);
        Assert.Equal(LedgerOutcome.AlreadyApplied, replay.Outcome);
        Assert.Equal(bond.Entry, replay.Entry);
    }
}
