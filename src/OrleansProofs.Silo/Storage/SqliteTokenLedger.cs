// SPDX-License-Identifier: MIT

using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// The token ledger in the node's SQLite database (infra/sql/sqlite/0003-token-ledger.sql, applied at
/// silo start with the other scripts). A movement's transaction is <c>BEGIN IMMEDIATE</c>: it takes the
/// database's write lock before reading, so movements never interleave (a waiting one retries until the
/// command timeout) and a decision made on what it read still holds when it writes.
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
    protected override Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // deferred: false is BEGIN IMMEDIATE (the write lock now, not at the first write).
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
