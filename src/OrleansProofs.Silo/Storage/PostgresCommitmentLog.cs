// SPDX-License-Identifier: MIT

using Npgsql;
using NpgsqlTypes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// The commitment log in the cluster's PostgreSQL database (table <c>OrleansProofsCommitments</c>,
/// created by infra/sql/postgresql/0002-commitment-log.sql): a batch is one multi-row
/// <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE</c> with three array parameters, so a block
/// costs one round-trip and one commit per group, however many chains it holds.
/// </summary>
/// <remarks>
/// A single statement is atomic, which gives the interface's all-or-nothing promise without an explicit
/// transaction. An entry repeated within one batch keeps its last value: PostgreSQL refuses to update
/// one row twice in a statement, and the repeats of a deterministic record are equal anyway.
/// </remarks>
public sealed class PostgresCommitmentLog(NpgsqlDataSource dataSource) : ICommitmentLog
{
    private const string InsertSql =
        """
        INSERT INTO OrleansProofsCommitments AS c (Network, ChainId, Height, Record)
        SELECT @network, batch.chain_id, batch.height, batch.record
        FROM unnest(@chainIds, @heights, @records) AS batch (chain_id, height, record)
        ON CONFLICT ON CONSTRAINT pk_orleansproofscommitments DO UPDATE SET Record = excluded.Record;
        """;

    /// <inheritdoc/>
    public async Task AppendAsync(string network, uint groupId, IReadOnlyList<CommitmentLogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        Dictionary<(Hash32 Chain, ulong Height), CommitmentLogEntry> unique = new(entries.Count);
        foreach (CommitmentLogEntry entry in entries)
        {
            unique[(entry.ChainId, entry.Record.Height)] = entry;
        }

        byte[][] chainIds = new byte[unique.Count][];
        long[] heights = new long[unique.Count];
        byte[][] records = new byte[unique.Count][];
        int i = 0;
        foreach (CommitmentLogEntry entry in unique.Values)
        {
            chainIds[i] = entry.ChainId.ToArray();
            heights[i] = checked((long)entry.Record.Height);
            records[i] = ChainRecordBytes.Encode(entry.Record);
            i++;
        }

        await using NpgsqlCommand insert = dataSource.CreateCommand(InsertSql);
        insert.Parameters.Add(new NpgsqlParameter<string>("network", NpgsqlDbType.Text) { TypedValue = network });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]>("chainIds", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = chainIds });
        insert.Parameters.Add(new NpgsqlParameter<long[]>("heights", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = heights });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]>("records", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = records });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CommitmentLogEntry>> ReadChainAsync(string network, uint groupId, Hash32 chainId, ulong afterHeight, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand select = dataSource.CreateCommand(
            "SELECT ChainId, Record FROM OrleansProofsCommitments WHERE Network = @network AND ChainId = @chainId AND Height > @height ORDER BY Height;");
        select.Parameters.Add(new NpgsqlParameter<string>("network", NpgsqlDbType.Text) { TypedValue = network });
        select.Parameters.Add(new NpgsqlParameter<byte[]>("chainId", NpgsqlDbType.Bytea) { TypedValue = chainId.ToArray() });
        select.Parameters.Add(new NpgsqlParameter<long>("height", NpgsqlDbType.Bigint) { TypedValue = checked((long)afterHeight) });
        return await ReadEntriesAsync(select, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CommitmentLogEntry>> ReadHeightAsync(string network, ulong height, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand select = dataSource.CreateCommand(
            "SELECT ChainId, Record FROM OrleansProofsCommitments WHERE Network = @network AND Height = @height;");
        select.Parameters.Add(new NpgsqlParameter<string>("network", NpgsqlDbType.Text) { TypedValue = network });
        select.Parameters.Add(new NpgsqlParameter<long>("height", NpgsqlDbType.Bigint) { TypedValue = checked((long)height) });
        return await ReadEntriesAsync(select, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CommitmentLogEntry>> ReadChainsAtAsync(string network, ulong height, uint groupId, IReadOnlyCollection<Hash32> chainIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chainIds);
        await using NpgsqlCommand select = dataSource.CreateCommand(
            "SELECT ChainId, Record FROM OrleansProofsCommitments WHERE Network = @network AND Height = @height AND ChainId = ANY(@chainIds);");
        select.Parameters.Add(new NpgsqlParameter<string>("network", NpgsqlDbType.Text) { TypedValue = network });
        select.Parameters.Add(new NpgsqlParameter<long>("height", NpgsqlDbType.Bigint) { TypedValue = checked((long)height) });
        select.Parameters.Add(new NpgsqlParameter<byte[][]>("chainIds", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. chainIds.Select(c => c.ToArray())] });
        return await ReadEntriesAsync(select, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task PruneBelowAsync(string network, ulong height, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand delete = dataSource.CreateCommand(
            "DELETE FROM OrleansProofsCommitments WHERE Network = @network AND Height < @height;");
        delete.Parameters.Add(new NpgsqlParameter<string>("network", NpgsqlDbType.Text) { TypedValue = network });
        delete.Parameters.Add(new NpgsqlParameter<long>("height", NpgsqlDbType.Bigint) { TypedValue = checked((long)height) });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<CommitmentLogEntry>> ReadEntriesAsync(NpgsqlCommand select, CancellationToken cancellationToken)
    {
        List<CommitmentLogEntry> entries = [];
        await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byte[] chainId = reader.GetFieldValue<byte[]>(0);
            byte[] record = reader.GetFieldValue<byte[]>(1);
            entries.Add(new CommitmentLogEntry(new Hash32(chainId), ChainRecordBytes.Decode(record)));
        }

        return entries;
    }

    /// <inheritdoc/>
    public async Task CheckReachableAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand probe = dataSource.CreateCommand("SELECT 1;");
        await probe.ExecuteScalarAsync(cancellationToken);
    }

}
