// SPDX-License-Identifier: MIT

using System.Data.Common;
using Npgsql;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// The token ledger in the cluster's PostgreSQL database (infra/sql/postgresql/0005-token-ledger.sql).
/// Every silo of the cluster writes the same tables, so a movement's transaction first takes a
/// transaction-level advisory lock (<see cref="MovementLockKey"/>): movements of the whole cluster run
/// one at a time, the journal's sequence increases in commit order, and a decision made on what the
/// movement read still holds when it writes. Movements are few (bonds per registration or checkpoint,
/// rewards per challenge), so one lock costs nothing that matters; the guarded statements and CHECK
/// constraints still stand behind it.
/// </summary>
internal sealed class PostgresTokenLedger(NpgsqlDataSource dataSource, TimeProvider timeProvider) : DbTokenLedger(timeProvider)
{
    /// <summary>The advisory lock key of ledger movements (ASCII "POSCLEDG"), distinct from the migration lock.</summary>
    public const long MovementLockKey = 0x504F_5343_4C45_4447;

    /// <summary>A ledger on <paramref name="dataSource"/> stamped by the system clock.</summary>
    public PostgresTokenLedger(NpgsqlDataSource dataSource)
        : this(dataSource, TimeProvider.System)
    {
    }

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc/>
    protected override async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        NpgsqlConnection npgsql = (NpgsqlConnection)connection;
        NpgsqlTransaction transaction = await npgsql.BeginTransactionAsync(cancellationToken);
        try
        {
            await using NpgsqlCommand lockCommand = new($"SELECT pg_advisory_xact_lock({MovementLockKey});", npgsql, transaction);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
