// SPDX-License-Identifier: MIT

using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// The token ledger in the node's SQLite database (infra/sql/sqlite/0003-token-ledger.sql, applied at
/// silo start with the other scripts). A movement first takes the node's write turn
/// (<see cref="SqliteDatabase.EnterWriteAsync"/>) and then runs in a <c>BEGIN IMMEDIATE</c> transaction, which
/// takes the database's write lock before reading, so a decision made on what it read still holds when it
/// writes. Without the turn, a movement meeting another writer got SQLITE_BUSY and Microsoft.Data.Sqlite
/// retried by sleeping on a silo thread: at 100,000 registrations (a bond each) that held grain turns for
/// over a second and capped registration at ≈ 40 chains/s with the CPU a third used.
/// </summary>
internal sealed class SqliteTokenLedger(SqliteDatabase database, TimeProvider timeProvider) : DbTokenLedger(timeProvider)
{
    /// <summary>A ledger on <paramref name="database"/> stamped by the system clock.</summary>
    public SqliteTokenLedger(SqliteDatabase database)
        : this(database, TimeProvider.System)
    {
    }

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        SqliteConnection connection = new(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc/>
    protected override async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        await database.EnterWriteAsync(cancellationToken);

    /// <inheritdoc/>
    protected override Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // deferred: false is BEGIN IMMEDIATE (the write lock now, not at the first write).
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
