// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Ledger;

namespace OrleansProofs.Grains.Ledger;

/// <summary>
/// The node's own <see cref="ITokenLedger"/>: validates each movement (<see cref="LedgerRequest"/>),
/// opens a store session and lets <see cref="LedgerEngine"/> decide and write. Stores (memory, SQLite,
/// PostgreSQL) supply the session and the reads.
/// </summary>
/// <param name="timeProvider">The clock that stamps journal entries.</param>
internal abstract class TokenLedger(TimeProvider timeProvider) : ITokenLedger
{
    /// <summary>The most journal entries one page returns.</summary>
    public const int MaxPageSize = 1_000;

    /// <inheritdoc/>
    public Task<LedgerResult> CreditAsync(string movementId, string account, ulong amount, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LedgerRequest.Credit(movementId, account, amount), cancellationToken);

    /// <inheritdoc/>
    public Task<LedgerResult> CreateBondAsync(string movementId, string account, BondPurpose purpose, ulong amount, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LedgerRequest.CreateBond(movementId, account, purpose, amount), cancellationToken);

    /// <inheritdoc/>
    public Task<LedgerResult> ReleaseBondAsync(string movementId, string bondId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LedgerRequest.ReleaseBond(movementId, bondId), cancellationToken);

    /// <inheritdoc/>
    public Task<LedgerResult> SlashBondAsync(string movementId, string bondId, ulong amount, LedgerReason reason, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LedgerRequest.SlashBond(movementId, bondId, amount, reason), cancellationToken);

    /// <inheritdoc/>
    public Task<LedgerResult> PayRewardAsync(string movementId, string account, ulong amount, LedgerReason reason, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LedgerRequest.PayReward(movementId, account, amount, reason), cancellationToken);

    /// <inheritdoc/>
    public Task<ulong> GetBalanceAsync(string account, CancellationToken cancellationToken = default)
    {
        LedgerAccounts.ValidateName(account, nameof(account));
        return ReadBalanceAsync(account, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<LedgerBond?> GetBondAsync(string bondId, CancellationToken cancellationToken = default)
    {
        LedgerAccounts.ValidateName(bondId, nameof(bondId));
        return ReadBondAsync(bondId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<LedgerBond>> GetBondsAsync(string account, CancellationToken cancellationToken = default)
    {
        LedgerAccounts.ValidateName(account, nameof(account));
        return ReadBondsAsync(account, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<LedgerEntry>> ReadJournalAsync(long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        return ReadJournalPageAsync(afterSequence, limit, cancellationToken);
    }

    /// <summary>Opens one movement's exclusive session (see <see cref="ILedgerSession"/>).</summary>
    protected abstract Task<ILedgerSession> BeginAsync(CancellationToken cancellationToken);

    /// <summary>The stored balance (0 when none).</summary>
    protected abstract Task<ulong> ReadBalanceAsync(string account, CancellationToken cancellationToken);

    /// <summary>The stored bond, or null.</summary>
    protected abstract Task<LedgerBond?> ReadBondAsync(string bondId, CancellationToken cancellationToken);

    /// <summary>The account's bonds, oldest first.</summary>
    protected abstract Task<IReadOnlyList<LedgerBond>> ReadBondsAsync(string account, CancellationToken cancellationToken);

    /// <summary>A journal page (arguments validated).</summary>
    protected abstract Task<IReadOnlyList<LedgerEntry>> ReadJournalPageAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    private async Task<LedgerResult> ExecuteAsync(LedgerRequest request, CancellationToken cancellationToken)
    {
        await using ILedgerSession session = await BeginAsync(cancellationToken);
        return await LedgerEngine.ExecuteAsync(session, request, timeProvider.GetUtcNow(), cancellationToken);
    }
}
