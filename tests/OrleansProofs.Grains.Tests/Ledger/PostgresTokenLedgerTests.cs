// SPDX-License-Identifier: MIT

using Npgsql;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Grains.Tests.Postgres;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Ledger;

/// <summary>The token ledger contract on PostgreSQL with the shipped scripts (skipped without <see cref="PostgresTestEnvironment.Variable"/>).</summary>
[RequiresPostgres]
public sealed class PostgresTokenLedgerTests : TokenLedgerContract, IAsyncLifetime
{
    private PostgresTestStore? _store;
    private PostgresTokenLedger? _ledger;

    protected override ITokenLedger Ledger => _ledger ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        if (PostgresTestEnvironment.ConnectionString is null)
        {
            return;
        }

        _store = await PostgresTestStore.CreateAsync();
        _ledger = new PostgresTokenLedger(_store.DataSource);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task TheDatabaseRefusesToChangeOrDeleteAJournalRow()
    {
        await Ledger.CreditAsync("fund", "alice", 10);

        foreach (string sql in new[]
        {
            "UPDATE OrleansProofsLedgerJournal SET Amount = 1000000;",
            "DELETE FROM OrleansProofsLedgerJournal;",
            "TRUNCATE OrleansProofsLedgerJournal;",
            "INSERT INTO OrleansProofsLedgerJournal (MovementId, Kind, Account, Amount, RecordedAt) VALUES ('fund', 1, 'alice', 10, 0);",
            "UPDATE OrleansProofsLedgerBalances SET Balance = -1;",
        })
        {
            await Assert.ThrowsAsync<PostgresException>(() => _store!.Schema.ExecuteAsync(sql));
        }

        Assert.Equal(10UL, (await Ledger.ReadJournalAsync(0, 10)).Single().Amount);
        Assert.Equal(10UL, await Ledger.GetBalanceAsync("alice"));
    }

    [PostgresFact]
    public async Task TwoLedgersOnOneDatabaseLikeTwoSilosStillNeverOverdraw()
    {
        await using NpgsqlDataSource second = NpgsqlDataSource.Create(_store!.Schema.ConnectionString);
        PostgresTokenLedger other = new(second);
        await Ledger.CreditAsync("fund", "prover", 1_000);

        LedgerResult[] results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Ledger : other).CreateBondAsync($"cp-{i}", "prover", BondPurpose.ChainRegistration, 100))));

        Assert.Equal(10, results.Count(r => r.Outcome == LedgerOutcome.Applied));
        Assert.Equal(0UL, await other.GetBalanceAsync("prover"));
        await AssertConservedAsync();
    }
}
