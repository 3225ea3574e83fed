// SPDX-License-Identifier: MIT

using Microsoft.Data.Sqlite;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// The commitment log in the node's SQLite database (table <c>OrleansProofsCommitments</c>, created by
/// infra/sql/sqlite/0002-commitment-log.sql at silo start): a block's rows go in one transaction with
/// one prepared statement, so a block costs one commit, not one per chain. Rows are keyed by
/// (network, height, group, chain) (infra/sql/sqlite/0005), so a block's rows append to the end of the
/// table and each group's batch fills a few adjacent pages of it. Rows written before version 5 have
/// group −1 (<see cref="UnknownGroup"/>) and are found by every lookup's fallback until pruning removes them.
/// </summary>
internal sealed class SqliteCommitmentLog(SqliteDatabase database) : ICommitmentLog
{
    /// <summary>The group of rows migrated from schema version 4, which stored none.</summary>
    internal const long UnknownGroup = -1;

    /// <summary>
    /// A chain's records above a height: walk the retained heights above it and look the chain up at each
    /// (the key is (network, height, group, chain)), instead of scanning every chain's rows. The CROSS JOIN
    /// fixes the join order: with a plain JOIN SQLite chose to scan the network's rows (every chain at every
    /// retained height: 1.1 million at 100,000 chains) and probe the heights, per chain, which made
    /// reactivating 100,000 chains take many minutes.
    /// </summary>
    internal const string ReadChainSql = """
        WITH RECURSIVE Heights(Height) AS (
            SELECT MAX($height + 1, (SELECT MIN(Height) FROM OrleansProofsCommitments WHERE Network = $network))
            UNION ALL
            SELECT Height + 1 FROM Heights
            WHERE Height < (SELECT MAX(Height) FROM OrleansProofsCommitments WHERE Network = $network))
        SELECT c.ChainId, c.Record
        FROM Heights h
        CROSS JOIN OrleansProofsCommitments c ON c.Network = $network AND c.Height = h.Height AND c.GroupId IN ($group, $unknown) AND c.ChainId = $chainId
        ORDER BY c.Height;
        """;

    /// <inheritdoc/>
    public async Task AppendAsync(string network, uint groupId, IReadOnlyList<CommitmentLogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        using SqliteDatabase.WriteTurn turn = await database.EnterWriteAsync(cancellationToken);
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using SqliteCommand insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR REPLACE INTO OrleansProofsCommitments (Network, Height, GroupId, ChainId, Record) VALUES ($network, $height, $group, $chainId, $record);";
        insert.Parameters.AddWithValue("$network", network);
        insert.Parameters.AddWithValue("$group", (long)groupId);
        SqliteParameter chainId = insert.Parameters.Add("$chainId", SqliteType.Blob);
        SqliteParameter height = insert.Parameters.Add("$height", SqliteType.Integer);
        SqliteParameter record = insert.Parameters.Add("$record", SqliteType.Blob);
        insert.Prepare();
        foreach (CommitmentLogEntry entry in entries)
        {
            chainId.Value = entry.ChainId.ToArray();
            height.Value = checked((long)entry.Record.Height);
            record.Value = ChainRecordBytes.Encode(entry.Record);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CommitmentLogEntry>> ReadChainAsync(string network, uint groupId, Hash32 chainId, ulong afterHeight, CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand select = connection.CreateCommand();
        select.CommandText = ReadChainSql;
        select.Parameters.AddWithValue("$network", network);
        select.Parameters.AddWithValue("$group", (long)groupId);
        select.Parameters.AddWithValue("$unknown", UnknownGroup);
        select.Parameters.AddWithValue("$chainId", chainId.ToArray());
        select.Parameters.AddWithValue("$height", checked((long)afterHeight));
        return await ReadEntriesAsync(select, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CommitmentLogEntry>> ReadHeightAsync(string network, ulong height, CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand select = connection.CreateCommand();
        select.CommandText = "SELECT ChainId, Record FROM OrleansProofsCommitments WHERE Network = $network AND Height = $height;";
        select.Parameters.AddWithValue("$network", network);
        select.Parameters.AddWithValue("$height", checked((long)height));
        return await ReadEntriesAsync(select, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CommitmentLogEntry>> ReadChainsAtAsync(string network, ulong height, uint groupId, IReadOnlyCollection<Hash32> chainIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chainIds);

        // One prepared key lookup per chain: (network, height, group, chain) is the primary key.
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand select = connection.CreateCommand();
        select.CommandText = "SELECT Record FROM OrleansProofsCommitments WHERE Network = $network AND Height = $height AND GroupId IN ($group, $unknown) AND ChainId = $chainId;";
        select.Parameters.AddWithValue("$network", network);
        select.Parameters.AddWithValue("$group", (long)groupId);
        select.Parameters.AddWithValue("$unknown", UnknownGroup);
        select.Parameters.AddWithValue("$height", checked((long)height));
        SqliteParameter chain = select.Parameters.Add("$chainId", SqliteType.Blob);
        select.Prepare();
        List<CommitmentLogEntry> entries = new(chainIds.Count);
        foreach (Hash32 chainId in chainIds)
        {
            chain.Value = chainId.ToArray();
            if (await select.ExecuteScalarAsync(cancellationToken) is byte[] record)
            {
                entries.Add(new CommitmentLogEntry(chainId, ChainRecordBytes.Decode(record)));
            }
        }

        return entries;
    }

    /// <inheritdoc/>
    public async Task PruneBelowAsync(string network, ulong height, CancellationToken cancellationToken = default)
    {
        using SqliteDatabase.WriteTurn turn = await database.EnterWriteAsync(cancellationToken);
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM OrleansProofsCommitments WHERE Network = $network AND Height < $height;";
        delete.Parameters.AddWithValue("$network", network);
        delete.Parameters.AddWithValue("$height", checked((long)height));
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        SqliteConnection connection = new(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<IReadOnlyList<CommitmentLogEntry>> ReadEntriesAsync(SqliteCommand select, CancellationToken cancellationToken)
    {
        List<CommitmentLogEntry> entries = [];
        await using SqliteDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byte[] chainId = (byte[])reader.GetValue(0);
            byte[] record = (byte[])reader.GetValue(1);
            entries.Add(new CommitmentLogEntry(new Hash32(chainId), ChainRecordBytes.Decode(record)));
        }

        return entries;
    }

    /// <inheritdoc/>
    public async Task CheckReachableAsync(CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand probe = connection.CreateCommand();
        probe.CommandText = "SELECT 1;";
        await probe.ExecuteScalarAsync(cancellationToken);
    }

}
