// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Ledger;

namespace OrleansProofs.Grains.Ledger;

/// <summary>
/// The token ledger in this process's memory, for silos whose grain storage is in memory too (test
/// clusters): the same rules as the durable ledgers (<see cref="LedgerEngine"/>), lost with the process.
/// Movements run one at a time under an async lock; a session stages its plan and changes the
/// dictionaries only at commit, so an abandoned session leaves nothing behind.
/// </summary>
internal sealed class MemoryTokenLedger(TimeProvider timeProvider) : TokenLedger(timeProvider)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, LedgerEntry> _byMovement = new(StringComparer.Ordinal);
    private readonly List<LedgerEntry> _journal = [];
    private readonly Dictionary<string, ulong> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LedgerBond> _bonds = new(StringComparer.Ordinal);
    private readonly List<string> _bondOrder = [];

    /// <summary>A ledger stamped by the system clock.</summary>
    public MemoryTokenLedger()
        : this(TimeProvider.System)
    {
    }

    /// <inheritdoc/>
    protected override async Task<ILedgerSession> BeginAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Session(this);
    }

    /// <inheritdoc/>
    protected override async Task<ulong> ReadBalanceAsync(string account, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _balances.GetValueOrDefault(account);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    protected override async Task<LedgerBond?> ReadBondAsync(string bondId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _bonds.GetValueOrDefault(bondId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<LedgerBond>> ReadBondsAsync(string account, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return [.. _bondOrder.Select(id => _bonds[id]).Where(b => b.Account == account)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<LedgerEntry>> ReadJournalPageAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Sequences are 1, 2, 3… without gaps here, so the page starts at index afterSequence.
            return [.. _journal.Skip((int)Math.Min(afterSequence, int.MaxValue)).Take(limit)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One movement holding the ledger's lock; its plan is staged until commit.</summary>
    private sealed class Session(MemoryTokenLedger ledger) : ILedgerSession
    {
        private LedgerPlan? _staged;
        private LedgerEntry? _entry;

        /// <inheritdoc/>
        public Task<LedgerEntry?> FindMovementAsync(string movementId, CancellationToken cancellationToken) =>
            Task.FromResult(ledger._byMovement.GetValueOrDefault(movementId));

        /// <inheritdoc/>
        public Task<LedgerBond?> FindBondAsync(string bondId, CancellationToken cancellationToken) =>
            Task.FromResult(ledger._bonds.GetValueOrDefault(bondId));

        /// <inheritdoc/>
        public Task<ulong> GetBalanceAsync(string account, CancellationToken cancellationToken) =>
            Task.FromResult(ledger._balances.GetValueOrDefault(account));

        /// <inheritdoc/>
        public Task<LedgerEntry> ApplyAsync(LedgerPlan plan, CancellationToken cancellationToken)
        {
            // The same guards the database tables enforce: unique movement id, no negative balance, a
            // settled bond stays settled.
            if (ledger._byMovement.ContainsKey(plan.Entry.MovementId))
            {
                throw new InvalidOperationException($"Movement '{plan.Entry.MovementId}' is journaled already.");
            }

            foreach (BalanceChange change in plan.Changes.Where(c => c.Delta < 0))
            {
                if (ledger._balances.GetValueOrDefault(change.Account) < (ulong)-change.Delta)
                {
                    throw new InvalidOperationException($"Account '{change.Account}' would go negative.");
                }
            }

            if (plan.Bond is { } bond && plan.Entry.Kind != LedgerMovementKind.CreateBond
                && ledger._bonds.GetValueOrDefault(bond.BondId)?.State != BondState.Active)
            {
                throw new InvalidOperationException($"Bond '{bond.BondId}' is not active.");
            }

            _staged = plan;
            _entry = plan.Entry with { Sequence = ledger._journal.Count + 1 };
            return Task.FromResult(_entry);
        }

        /// <inheritdoc/>
        public Task CommitAsync(CancellationToken cancellationToken)
        {
            LedgerPlan plan = _staged ?? throw new InvalidOperationException("Nothing was applied.");
            ledger._journal.Add(_entry!);
            ledger._byMovement.Add(_entry!.MovementId, _entry);
            foreach (BalanceChange change in plan.Changes)
            {
                ledger._balances[change.Account] = (ulong)((long)ledger._balances.GetValueOrDefault(change.Account) + change.Delta);
            }

            if (plan.Bond is { } bond)
            {
                if (ledger._bonds.TryAdd(bond.BondId, bond))
                {
                    ledger._bondOrder.Add(bond.BondId);
                }
                else
                {
                    ledger._bonds[bond.BondId] = bond;
                }
            }

            _staged = null;
            return Task.CompletedTask;
        }

        /// <inheritdoc/>
        public ValueTask DisposeAsync()
        {
            ledger._gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
