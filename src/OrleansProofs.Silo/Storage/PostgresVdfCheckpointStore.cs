// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Npgsql;
using NpgsqlTypes;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// VDF checkpoints in the cluster's PostgreSQL database (table <c>OrleansProofsVdfCheckpoints</c>,
/// created by infra/sql/postgresql/0006-vdf-checkpoints.sql): one batch of two statements per
/// checkpoint, in one transaction, inserts it and deletes the rows that left the retained window.
/// </summary>
public sealed class PostgresVdfCheckpointStore(NpgsqlDataSource dataSource) : IVdfCheckpointStore
{
    /// <inheritdoc/>
    public async Task AppendAsync(string owner, VdfCheckpointData checkpoint, int retain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(retain, 1);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using NpgsqlBatch batch = new(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    INSERT INTO OrleansProofsVdfCheckpoints (Owner, Sequence, Checkpoint) VALUES ($1, $2, $3)
                    ON CONFLICT ON CONSTRAINT pk_orleansproofsvdfcheckpoints DO UPDATE SET Checkpoint = excluded.Checkpoint;
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string>{ NpgsqlDbType = NpgsqlDbType.Text, TypedValue = owner },
                        new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = checked((long)checkpoint.Sequence) },
                        new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = checkpoint.Encoded.ToArray() },
                    },
                },
                new NpgsqlBatchCommand("DELETE FROM OrleansProofsVdfCheckpoints WHERE Owner = $1 AND Sequence <= $2;")
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = owner },
                        new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = checked((long)checkpoint.Sequence) - retain },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<VdfCheckpointData?> ReadLatestAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand select = dataSource.CreateCommand(
            "SELECT Sequence, Checkpoint FROM OrleansProofsVdfCheckpoints WHERE Owner = $1 ORDER BY Sequence DESC LIMIT 1;");
        select.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = owner });
        IReadOnlyList<VdfCheckpointData> rows = await ReadRowsAsync(select, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<VdfCheckpointData>> ReadAsync(string owner, ulong fromSequence, int limit, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand select = dataSource.CreateCommand(
            "SELECT Sequence, Checkpoint FROM OrleansProofsVdfCheckpoints WHERE Owner = $1 AND Sequence >= $2 ORDER BY Sequence LIMIT $3;");
        select.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = owner });
        select.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = (long)Math.Min(fromSequence, long.MaxValue) });
        select.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = limit });
        return await ReadRowsAsync(select, cancellationToken);
    }

    private static async Task<IReadOnlyList<VdfCheckpointData>> ReadRowsAsync(NpgsqlCommand select, CancellationToken cancellationToken)
    {
        List<VdfCheckpointData> rows = [];
        await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new VdfCheckpointData((ulong)reader.GetInt64(0), ImmutableArray.Create(reader.GetFieldValue<byte[]>(1))));
        }

        return rows;
    }
}
