// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Ledger;

namespace OrleansProofs.Grains.Ledger;

/// <summary>
/// The ledger's rules, shared by every store: replay detection, the bond life cycle, the balance
/// guards and the conservation of tokens. A store only supplies an <see cref="ILedgerSession"/>.
/// </summary>
/// <remarks>
/// Conservation: credits are the only movements that add tokens, so at every commit
/// Σ credits = Σ balances (the system accounts <see cref="LedgerAccounts.RewardPool"/> and
/// <see cref="LedgerAccounts.Slashed"/> included) + Σ amounts of active bonds. Rewards move tokens out of
/// the pool, slashes move them into the burn account, nothing is created or lost in between.
/// </remarks>
internal static class LedgerEngine
{
    /// <summary>Decides <paramref name="request"/> on what <paramref name="session"/> reads and, when accepted, writes and commits it.</summary>
    public static async Task<LedgerResult> ExecuteAsync(ILedgerSession session, LedgerRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        LedgerEntry? existing = await session.FindMovementAsync(request.MovementId, cancellationToken);
        if (existing is not null)
        {
            return request.Matches(existing)
                ? LedgerResult.AlreadyApplied(existing)
                : LedgerResult.Rejected(LedgerRejection.MovementIdReused,
                    $"Movement '{request.MovementId}' was already used for a {existing.Kind} of {existing.Amount} (sequence {existing.Sequence}); a {request.Kind} needs its own id.");
        }

        DateTimeOffset recordedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        Decision decision = request.Kind switch
        {
            LedgerMovementKind.Credit => await CreditAsync(session, request, recordedAt, cancellationToken),
            LedgerMovementKind.CreateBond => await CreateBondAsync(session, request, recordedAt, cancellationToken),
            LedgerMovementKind.ReleaseBond or LedgerMovementKind.SlashBond => await SettleBondAsync(session, request, recordedAt, cancellationToken),
            LedgerMovementKind.PayReward => await PayRewardAsync(session, request, recordedAt, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "unknown movement kind"),
        };

        if (decision.Rejection is { } rejection)
        {
            return rejection;
        }

        LedgerEntry entry = await session.ApplyAsync(decision.Plan!, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return LedgerResult.Applied(entry);
    }

    private static async Task<Decision> CreditAsync(ILedgerSession session, LedgerRequest request, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string account = request.Account!;
        if (await OverflowsAsync(session, account, request.Amount, cancellationToken) is { } overflow)
        {
            return overflow;
        }

        return new Decision(new LedgerPlan(Entry(request, account, request.Amount, null, at), [new(account, (long)request.Amount)], null));
    }

    private static async Task<Decision> CreateBondAsync(ILedgerSession session, LedgerRequest request, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string account = request.Account!;
        ulong balance = await session.GetBalanceAsync(account, cancellationToken);
        if (balance < request.Amount)
        {
            return Insufficient(account, balance, request.Amount, $"a {request.Purpose} bond");
        }

        LedgerBond bond = new(request.MovementId, account, request.Purpose!.Value, request.Amount, BondState.Active, 0);
        return new Decision(new LedgerPlan(Entry(request, account, request.Amount, request.MovementId, at), [new(account, -(long)request.Amount)], bond));
    }

    private static async Task<Decision> SettleBondAsync(ILedgerSession session, LedgerRequest request, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string bondId = request.BondId!;
        LedgerBond? bond = await session.FindBondAsync(bondId, cancellationToken);
        if (bond is null)
        {
            return new Decision(LedgerResult.Rejected(LedgerRejection.UnknownBond, $"No bond has the id '{bondId}'."));
        }

        if (bond.State != BondState.Active)
        {
            return new Decision(bond.State == BondState.Released
                ? LedgerResult.Rejected(LedgerRejection.BondAlreadyReleased, $"Bond '{bondId}' was released already.")
                : LedgerResult.Rejected(LedgerRejection.BondAlreadySlashed, $"Bond '{bondId}' was slashed already ({bond.SlashedAmount} of {bond.Amount})."));
        }

        if (request.Kind == LedgerMovementKind.ReleaseBond)
        {
            if (await OverflowsAsync(session, bond.Account, bond.Amount, cancellationToken) is { } overflow)
            {
                return overflow;
            }

            return new Decision(new LedgerPlan(
                Entry(request, bond.Account, bond.Amount, bondId, at),
                [new(bond.Account, (long)bond.Amount)],
                bond with { State = BondState.Released }));
        }

        if (request.Amount > bond.Amount)
        {
            return new Decision(LedgerResult.Rejected(LedgerRejection.SlashExceedsBond,
                $"Slashing {request.Amount} exceeds bond '{bondId}' of {bond.Amount}; nothing beyond a bond can be slashed."));
        }

        ulong remainder = bond.Amount - request.Amount;
        if (await OverflowsAsync(session, LedgerAccounts.Slashed, request.Amount, cancellationToken) is { } burnOverflow)
        {
            return burnOverflow;
        }

        if (remainder > 0 && await OverflowsAsync(session, bond.Account, remainder, cancellationToken) is { } ownerOverflow)
        {
            return ownerOverflow;
        }

        List<BalanceChange> changes = [new(LedgerAccounts.Slashed, (long)request.Amount)];
        if (remainder > 0)
        {
            changes.Add(new(bond.Account, (long)remainder));
        }

        return new Decision(new LedgerPlan(
            Entry(request, bond.Account, request.Amount, bondId, at),
            changes,
            bond with { State = BondState.Slashed, SlashedAmount = request.Amount }));
    }

    private static async Task<Decision> PayRewardAsync(ILedgerSession session, LedgerRequest request, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string account = request.Account!;
        ulong pool = await session.GetBalanceAsync(LedgerAccounts.RewardPool, cancellationToken);
        if (pool < request.Amount)
        {
            return Insufficient(LedgerAccounts.RewardPool, pool, request.Amount, "a reward");
        }

        if (await OverflowsAsync(session, account, request.Amount, cancellationToken) is { } overflow)
        {
            return overflow;
        }

        return new Decision(new LedgerPlan(
            Entry(request, account, request.Amount, null, at),
            [new(LedgerAccounts.RewardPool, -(long)request.Amount), new(account, (long)request.Amount)],
            null));
    }

    private static async Task<Decision?> OverflowsAsync(ILedgerSession session, string account, ulong amount, CancellationToken cancellationToken)
    {
        ulong balance = await session.GetBalanceAsync(account, cancellationToken);
        return balance > LedgerRequest.MaxAmount - amount
            ? new Decision(LedgerResult.Rejected(LedgerRejection.BalanceOverflow,
                $"Account '{account}' holds {balance}; adding {amount} would exceed {LedgerRequest.MaxAmount} base units."))
            : null;
    }

    private static Decision Insufficient(string account, ulong balance, ulong amount, string what) =>
        new(LedgerResult.Rejected(LedgerRejection.InsufficientBalance, $"Account '{account}' holds {balance}, less than the {amount} {what} needs."));

    private static LedgerEntry Entry(LedgerRequest request, string account, ulong amount, string? bondId, DateTimeOffset at) =>
        new(0, request.MovementId, request.Kind, account, amount, bondId, request.Purpose, request.Reason, at);

    /// <summary>Either a plan to write or a rejection.</summary>
    private sealed record Decision(LedgerPlan? Plan, LedgerResult? Rejection = null)
    {
        public Decision(LedgerResult rejection)
            : this(null, rejection)
        {
        }
    }
}
