// SPDX-License-Identifier: MIT

using Microsoft.Data.Sqlite;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Storage;
using OrleansProofs.Grains.Tests.Infrastructure;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Storage;

/// <summary>The commitment log contract on a fresh SQLite database with the shipped schema scripts, plus the SQLite layout.</summary>
public sealed class SqliteCommitmentLogTests : CommitmentLogContract, IAsyncLifetime, IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly SqliteCommitmentLog _log;

    public SqliteCommitmentLogTests() => _log = new SqliteCommitmentLog(_database.Database);

    protected override ICommitmentLog Log => _log;

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EachGroupsBatchFillsItsOwnPages_NotPagesSharedWithEveryOtherGroup()
    {
        // Ten groups of 200 chains at one height, each group one batch, as a block writes them.
        const int Groups = 10;
        const int Members = 200;
        for (uint group = 0; group < Groups; group++)
        {
            CommitmentLogEntry[] batch = [.. Enumerable.Range(0, Members).Select(i =>
                new CommitmentLogEntry(Sha256.Hash(BitConverter.GetBytes(((int)group * Members) + i)), ChainRecordBytesTests.CommitAt(5, Hash32.Zero)))];
            long before = await PagesWrittenAsync();
            await _log.AppendAsync("net", group, batch);
            long written = await PagesWrittenAsync() - before;

            // 200 rows fill about a dozen pages; the version-2 key (height, chain) spread every later batch over
            // all the pages its height already had (about a dozen per earlier group: over 100 by the last one).
            Assert.True(written <= 40, $"group {group}'s batch of {Members} rows wrote {written} WAL frames");
        }

        Assert.Equal(Groups * Members, (await _log.ReadHeightAsync("net", 5)).Count);
    }

    [Fact]
    public async Task RowsFromSchemaVersion4_WithoutAGroup_AreFoundUnderAnyGroup_AfterTheMigration()
    {
        using SqliteTestDatabase older = new();
        SqliteCommitmentLog log = new(older.Database);
        string path = older.Database.Path;
        await using (SqliteConnection connection = new(SqliteSchema.ConnectionString(path)))
        {
            await connection.OpenAsync();
            foreach (SqlScript script in SqliteSchema.Scripts.Where(s => s.Version <= 4))
            {
                await using SqliteCommand apply = connection.CreateCommand();
                apply.CommandText = script.Text;
                await apply.ExecuteNonQueryAsync();
            }

            await using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO OrleansProofsCommitments (Network, ChainId, Height, Record) VALUES ('net', $chain, 4, $record);";
            insert.Parameters.AddWithValue("$chain", ChainRecordBytesTests.Chain.ToArray());
            insert.Parameters.AddWithValue("$record", ChainRecordBytes.Encode(ChainRecordBytesTests.CommitAt(4, Hash32.Zero)));
            await insert.ExecuteNonQueryAsync();
        }

        IReadOnlyList<SqlScript> applied = await SqliteSchema.ApplyAsync(path, CancellationToken.None);
        Assert.Contains(applied, s => s.Version == 5);

        await log.AppendAsync("net", 3, [new CommitmentLogEntry(ChainRecordBytesTests.Chain, ChainRecordBytesTests.CommitAt(5, Hash32.Zero))]);
        Assert.Equal([4UL, 5UL], (await log.ReadChainAsync("net", 3, ChainRecordBytesTests.Chain, 0)).Select(e => e.Record.Height));
        Assert.Single(await log.ReadChainsAtAsync("net", 4, 3, [ChainRecordBytesTests.Chain]));
        await log.PruneBelowAsync("net", 5);
        Assert.Equal([5UL], (await log.ReadChainAsync("net", 3, ChainRecordBytesTests.Chain, 0)).Select(e => e.Record.Height));
    }

    [Fact]
    public async Task ReadingAChain_LooksItUpAtEachHeight_WithoutScanningTheNetworksRows()
    {
        await using SqliteConnection connection = new(SqliteSchema.ConnectionString(_database.Database.Path));
        await connection.OpenAsync();
        await using SqliteCommand explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + SqliteCommitmentLog.ReadChainSql;
        foreach (string name in new[] { "$network", "$height", "$group", "$unknown", "$chainId" })
        {
            explain.Parameters.AddWithValue(name, 0);
        }

        List<string> plan = [];
        await using (SqliteDataReader reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        string text = string.Join(" | ", plan);
        Assert.Contains("SEARCH c USING PRIMARY KEY (Network=? AND Height=? AND GroupId=? AND ChainId=?)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SEARCH c USING PRIMARY KEY (Network=?)", text, StringComparison.Ordinal);
    }

    /// <summary>Frames in the write-ahead log so far (the database is in WAL mode and nothing checkpoints it during these tests).</summary>
    private async Task<long> PagesWrittenAsync()
    {
        string wal = _database.Database.Path + "-wal";
        await Task.Yield();
        return File.Exists(wal) ? (new FileInfo(wal).Length - 32) / (4096 + 24) : 0;
    }
}
