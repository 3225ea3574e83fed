// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Ledger;

namespace OrleansProofs.Grains.Ledger;

/// <summary>
/// One movement's exclusive transaction on a ledger store: the reads the decision needs, then the
/// plan's writes and the commit. Sessions of one ledger never overlap (a lock, SQLite's write lock, a
/// PostgreSQL advisory lock), so a decision made on what was read still holds when it is written; the
/// store's guards (balance ≥ amount, bond still active, unique movement id) check it again anyway.
/// Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
internal interface ILedgerSession : IAsyncDisposable
{
    /// <summary>The journal entry recorded under <paramref name="movementId"/>, or null.</summary>
    Task<LedgerEntry?> FindMovementAsync(string movementId, CancellationToken cancellationToken);

    /// <summary>The bond <paramref name="bondId"/>, or null.</summary>
    Task<LedgerBond?> FindBondAsync(string bondId, CancellationToken cancellationToken);

    /// <summary>The balance of <paramref name="account"/> (0 when it has none).</summary>
    Task<ulong> GetBalanceAsync(string account, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="plan"/> and returns its journal entry with the assigned sequence; throws when a guard fails.</summary>
    Task<LedgerEntry> ApplyAsync(LedgerPlan plan, CancellationToken cancellationToken);

    /// <summary>Makes the applied plan durable.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
