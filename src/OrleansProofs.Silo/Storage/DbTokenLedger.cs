// SPDX-License-Identifier: MIT

using System.Data;
using System.Data.Common;
using System.Globalization;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Grains.Ledger;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// The token ledger on a SQL database (tables <c>OrleansProofsLedgerJournal</c>, <c>…Balances</c>,
/// <c>…Bonds</c>; infra/sql/*/NNNN-token-ledger.sql). The statements are the same on SQLite and
/// PostgreSQL; a dialect only opens the connection and the movement's exclusive transaction.
/// </summary>
/// <remarks>
/// Each movement is one transaction: the journal row (unique movement id: a second insert of the same
/// id fails, never duplicates), then the balance changes, where a debit is
/// <c>UPDATE … SET Balance = Balance - @amount WHERE … AND Balance &gt;= @amount</c> and must touch one
/// row (the CHECK <c>Balance &gt;= 0</c> backs it), then the bond insert or its settle
/// (<c>WHERE State = 1</c>, one row). Any guard failing throws and rolls the whole movement back.
/// </remarks>
internal abstract class DbTokenLedger(TimeProvider timeProvider) : TokenLedger(timeProvider)
{
    private const string EntryColumns = "Sequence, MovementId, Kind, Account, Amount, BondId, Purpose, Reason, RecordedAt";
    private const string BondColumns = "BondId, Account, Purpose, Amount, State, SlashedAmount";

    /// <summary>Opens a connection to the database.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins the movement's transaction on <paramref name="connection"/> such that no other movement
    /// of this ledger runs until it ends (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: an advisory lock).
    /// </summary>
    protected abstract Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Waits, without holding a thread, until this movement may write, when the database needs that from the
    /// process (SQLite: the node's write turn); the result is held until the movement ends. Null: no turn needed.
    /// </summary>
    protected virtual Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    /// <inheritdoc/>
    protected sealed override async Task<ILedgerSession> BeginAsync(CancellationToken cancellationToken)
    {
        IDisposable? turn = await EnterWriteAsync(cancellationToken);
        DbConnection? connection = null;
        try
        {
            connection = await OpenConnectionAsync(cancellationToken);
            DbTransaction transaction = await BeginExclusiveAsync(connection, cancellationToken);
            return new Session(connection, transaction, turn);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            turn?.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    protected sealed override async Task<ulong> ReadBalanceAsync(string account, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenConnectionAsync(cancellationToken);
        return await ReadBalanceAsync(connection, null, account, cancellationToken);
    }

    /// <inheritdoc/>
    protected sealed override async Task<LedgerBond?> ReadBondAsync(string bondId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenConnectionAsync(cancellationToken);
        return await ReadBondAsync(connection, null, bondId, cancellationToken);
    }

    /// <inheritdoc/>
    protected sealed override async Task<IReadOnlyList<LedgerBond>> ReadBondsAsync(string account, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenConnectionAsync(cancellationToken);
        await using DbCommand select = Command(connection, null,
            $"SELECT {BondColumns} FROM OrleansProofsLedgerBonds WHERE Account = @account ORDER BY CreatedSequence;");
        Add(select, "@account", account, DbType.String);
        List<LedgerBond> bonds = [];
        await using DbDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bonds.Add(ReadBond(reader));
        }

        return bonds;
    }

    /// <inheritdoc/>
    protected sealed override async Task<IReadOnlyList<LedgerEntry>> ReadJournalPageAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenConnectionAsync(cancellationToken);
        await using DbCommand select = Command(connection, null,
            $"SELECT {EntryColumns} FROM OrleansProofsLedgerJournal WHERE Sequence > @after ORDER BY Sequence LIMIT @limit;");
        Add(select, "@after", afterSequence, DbType.Int64);
        Add(select, "@limit", (long)limit, DbType.Int64);
        List<LedgerEntry> entries = [];
        await using DbDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    private static async Task<ulong> ReadBalanceAsync(DbConnection connection, DbTransaction? transaction, string account, CancellationToken cancellationToken)
    {
        await using DbCommand select = Command(connection, transaction, "SELECT Balance FROM OrleansProofsLedgerBalances WHERE Account = @account;");
        Add(select, "@account", account, DbType.String);
        object? value = await select.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : checked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private static async Task<LedgerBond?> ReadBondAsync(DbConnection connection, DbTransaction? transaction, string bondId, CancellationToken cancellationToken)
    {
        await using DbCommand select = Command(connection, transaction, $"SELECT {BondColumns} FROM OrleansProofsLedgerBonds WHERE BondId = @bondId;");
        Add(select, "@bondId", bondId, DbType.String);
        await using DbDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadBond(reader) : null;
    }

    private static LedgerBond ReadBond(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        (BondPurpose)Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
        checked((ulong)reader.GetInt64(3)),
        (BondState)Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
        checked((ulong)reader.GetInt64(5)));

    private static LedgerEntry ReadEntry(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        (LedgerMovementKind)Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
        reader.GetString(3),
        checked((ulong)reader.GetInt64(4)),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : (BondPurpose)Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
        reader.IsDBNull(7) ? null : (LedgerReason)Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)));

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value, DbType type)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>One movement's connection and exclusive transaction.</summary>
    private sealed class Session(DbConnection connection, DbTransaction transaction, IDisposable? turn) : ILedgerSession
    {
        /// <inheritdoc/>
        public async Task<LedgerEntry?> FindMovementAsync(string movementId, CancellationToken cancellationToken)
        {
            await using DbCommand select = Command(connection, transaction, $"SELECT {EntryColumns} FROM OrleansProofsLedgerJournal WHERE MovementId = @movementId;");
            Add(select, "@movementId", movementId, DbType.String);
            await using DbDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadEntry(reader) : null;
        }

        /// <inheritdoc/>
        public Task<LedgerBond?> FindBondAsync(string bondId, CancellationToken cancellationToken) =>
            ReadBondAsync(connection, transaction, bondId, cancellationToken);

        /// <inheritdoc/>
        public Task<ulong> GetBalanceAsync(string account, CancellationToken cancellationToken) =>
            ReadBalanceAsync(connection, transaction, account, cancellationToken);

        /// <inheritdoc/>
        public async Task<LedgerEntry> ApplyAsync(LedgerPlan plan, CancellationToken cancellationToken)
        {
            LedgerEntry entry = plan.Entry;
            long sequence;
            await using (DbCommand insert = Command(connection, transaction,
                "INSERT INTO OrleansProofsLedgerJournal (MovementId, Kind, Account, Amount, BondId, Purpose, Reason, RecordedAt) " +
                "VALUES (@movementId, @kind, @account, @amount, @bondId, @purpose, @reason, @recordedAt) RETURNING Sequence;"))
            {
                Add(insert, "@movementId", entry.MovementId, DbType.String);
                Add(insert, "@kind", (short)entry.Kind, DbType.Int16);
                Add(insert, "@account", entry.Account, DbType.String);
                Add(insert, "@amount", checked((long)entry.Amount), DbType.Int64);
                Add(insert, "@bondId", entry.BondId, DbType.String);
                Add(insert, "@purpose", entry.Purpose is { } purpose ? (short)purpose : null, DbType.Int16);
                Add(insert, "@reason", entry.Reason is { } reason ? (short)reason : null, DbType.Int16);
                Add(insert, "@recordedAt", entry.RecordedAt.ToUnixTimeMilliseconds(), DbType.Int64);
                sequence = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            foreach (BalanceChange change in plan.Changes)
            {
                await ChangeBalanceAsync(change, cancellationToken);
            }

            if (plan.Bond is { } bond)
            {
                await WriteBondAsync(entry.Kind, bond, sequence, cancellationToken);
            }

            return entry with { Sequence = sequence };
        }

        /// <inheritdoc/>
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        /// <inheritdoc/>
        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }
            finally
            {
                turn?.Dispose();
            }
        }

        private async Task ChangeBalanceAsync(BalanceChange change, CancellationToken cancellationToken)
        {
            if (change.Delta < 0)
            {
                await using DbCommand debit = Command(connection, transaction,
                    "UPDATE OrleansProofsLedgerBalances SET Balance = Balance - @amount WHERE Account = @account AND Balance >= @amount;");
                Add(debit, "@amount", -change.Delta, DbType.Int64);
                Add(debit, "@account", change.Account, DbType.String);
                if (await debit.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    throw new InvalidOperationException($"The ledger's guard refused to take {-change.Delta} from '{change.Account}': the balance does not cover it.");
                }

                return;
            }

            await using DbCommand credit = Command(connection, transaction,
                "INSERT INTO OrleansProofsLedgerBalances (Account, Balance) VALUES (@account, @amount) " +
                "ON CONFLICT (Account) DO UPDATE SET Balance = OrleansProofsLedgerBalances.Balance + excluded.Balance;");
            Add(credit, "@account", change.Account, DbType.String);
            Add(credit, "@amount", change.Delta, DbType.Int64);
            await credit.ExecuteNonQueryAsync(cancellationToken);
        }

        private async Task WriteBondAsync(LedgerMovementKind kind, LedgerBond bond, long sequence, CancellationToken cancellationToken)
        {
            if (kind == LedgerMovementKind.CreateBond)
            {
                await using DbCommand insert = Command(connection, transaction,
                    $"INSERT INTO OrleansProofsLedgerBonds ({BondColumns}, CreatedSequence) VALUES (@bondId, @account, @purpose, @amount, @state, @slashed, @sequence);");
                Add(insert, "@bondId", bond.BondId, DbType.String);
                Add(insert, "@account", bond.Account, DbType.String);
                Add(insert, "@purpose", (short)bond.Purpose, DbType.Int16);
                Add(insert, "@amount", checked((long)bond.Amount), DbType.Int64);
                Add(insert, "@state", (short)bond.State, DbType.Int16);
                Add(insert, "@slashed", checked((long)bond.SlashedAmount), DbType.Int64);
                Add(insert, "@sequence", sequence, DbType.Int64);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                return;
            }

            await using DbCommand settle = Command(connection, transaction,
                "UPDATE OrleansProofsLedgerBonds SET State = @state, SlashedAmount = @slashed WHERE BondId = @bondId AND State = @active;");
            Add(settle, "@state", (short)bond.State, DbType.Int16);
            Add(settle, "@slashed", checked((long)bond.SlashedAmount), DbType.Int64);
            Add(settle, "@bondId", bond.BondId, DbType.String);
            Add(settle, "@active", (short)BondState.Active, DbType.Int16);
            if (await settle.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException($"The ledger's guard refused to settle bond '{bond.BondId}': it is not active.");
            }
        }
    }
}
