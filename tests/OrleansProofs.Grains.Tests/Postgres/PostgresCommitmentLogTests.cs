// SPDX-License-Identifier: MIT

using Npgsql;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Grains.Storage;
using OrleansProofs.Grains.Tests.Storage;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Postgres;

/// <summary>The commitment log contract on PostgreSQL with the shipped scripts, plus the batch behaviour the cluster relies on.</summary>
[RequiresPostgres]
public sealed class PostgresCommitmentLogTests : CommitmentLogContract, IAsyncLifetime
{
    private PostgresTestStore? _store;
    private PostgresCommitmentLog? _log;

    protected override ICommitmentLog Log => _log ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _store = await PostgresTestStore.CreateAsync();
        _log = new PostgresCommitmentLog(_store.DataSource);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task ABlockOfAThousandChainsIsOneStatementAndReadsBackExactly()
    {
        List<CommitmentLogEntry> block = [];
        for (int i = 0; i < 1000; i++)
        {
            Hash32 chain = Sha256.Hash(BitConverter.GetBytes(i));
            block.Add(new CommitmentLogEntry(chain, ChainRecordBytesTests.CommitAt(12, chain)));
        }

        // The same entry twice in one batch is written once (PostgreSQL would refuse to update a row twice in one statement).
        block.Add(block[0]);

        await Log.AppendAsync("net", 0, block);

        IReadOnlyList<CommitmentLogEntry> read = await Log.ReadHeightAsync("net", 12);
        Assert.Equal(1000, read.Count);
        Dictionary<Hash32, ChainRecord> byChain = read.ToDictionary(e => e.ChainId, e => e.Record);
        Assert.All(block, entry => Assert.Equal(entry.Record, byChain[entry.ChainId]));
        Assert.Equal(1000L, (await _store!.Schema.QueryAsync("SELECT count(*) FROM OrleansProofsCommitments"))[0][0]);
    }

    [PostgresFact]
    public async Task AFailedBatchWritesNothing()
    {
        ChainRecord good = ChainRecordBytesTests.CommitAt(5, Hash32.Zero);
        await _store!.Schema.ExecuteAsync(
            "ALTER TABLE OrleansProofsCommitments ADD CONSTRAINT ck_test_no_height_6 CHECK (Height <> 6);");

        await Assert.ThrowsAsync<PostgresException>(() => Log.AppendAsync("net", 0,
        [
            new CommitmentLogEntry(ChainRecordBytesTests.Chain, good),
            new CommitmentLogEntry(Sha256.Hash("second"u8), ChainRecordBytesTests.CommitAt(6, good.Commitment)),
        ]));

        Assert.Empty(await Log.ReadChainAsync("net", 0, ChainRecordBytesTests.Chain, 0));
    }
}
