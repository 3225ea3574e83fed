// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// VDF checkpoints in the node's SQLite database (table <c>OrleansProofsVdfCheckpoints</c>, created by
/// infra/sql/sqlite/0004-vdf-checkpoints.sql at silo start): one transaction per checkpoint inserts it
/// and deletes the rows that left the retained window.
/// </summary>
internal sealed class SqliteVdfCheckpointStore(SqliteDatabase database) : IVdfCheckpointStore
{
    /// <inheritdoc/>
    public async Task AppendAsync(string owner, VdfCheckpointData checkpoint, int retain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(retain, 1);
        using SqliteDatabase.WriteTurn turn = await database.EnterWriteAsync(cancellationToken);
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using SqliteCommand insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR REPLACE INTO OrleansProofsVdfCheckpoints (Owner, Sequence, Checkpoint) VALUES ($owner, $sequence, $checkpoint);
            DELETE FROM OrleansProofsVdfCheckpoints WHERE Owner = $owner AND Sequence <= $sequence - $retain;
            """;
        insert.Parameters.AddWithValue("$owner", owner);
        insert.Parameters.AddWithValue("$sequence", checked((long)checkpoint.Sequence));
        insert.Parameters.AddWithValue("$checkpoint", checkpoint.Encoded.ToArray());
        insert.Parameters.AddWithValue("$retain", retain);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<VdfCheckpointData?> ReadLatestAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand select = connection.CreateCommand();
        select.CommandText = "SELECT Sequence, Checkpoint FROM OrleansProofsVdfCheckpoints WHERE Owner = $owner ORDER BY Sequence DESC LIMIT 1;";
        select.Parameters.AddWithValue("$owner", owner);
        IReadOnlyList<VdfCheckpointData> rows = await ReadRowsAsync(select, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<VdfCheckpointData>> ReadAsync(string owner, ulong fromSequence, int limit, CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken);
        await using SqliteCommand select = connection.CreateCommand();
        select.CommandText = "SELECT Sequence, Checkpoint FROM OrleansProofsVdfCheckpoints WHERE Owner = $owner AND Sequence >= $from ORDER BY Sequence LIMIT $limit;";
        select.Parameters.AddWithValue("$owner", owner);
        select.Parameters.AddWithValue("$from", (long)Math.Min(fromSequence, long.MaxValue));
        select.Parameters.AddWithValue("$limit", limit);
        return await ReadRowsAsync(select, cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        SqliteConnection connection = new(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<IReadOnlyList<VdfCheckpointData>> ReadRowsAsync(SqliteCommand select, CancellationToken cancellationToken)
    {
        List<VdfCheckpointData> rows = [];
        await using SqliteDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new VdfCheckpointData((ulong)reader.GetInt64(0), ImmutableArray.Create((byte[])reader.GetValue(1))));
        }

        return rows;
    }
}
