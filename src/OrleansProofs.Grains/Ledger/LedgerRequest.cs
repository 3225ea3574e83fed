// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Ledger;

namespace OrleansProofs.Grains.Ledger;

/// <summary>
/// A validated movement, as every ledger implementation receives it: the factories throw
/// <see cref="ArgumentException"/> naming the bad field, so malformed input never reaches storage.
/// </summary>
/// <param name="MovementId">The idempotency key.</param>
/// <param name="Kind">What to do.</param>
/// <param name="Account">The account (credit, create-bond, reward); null for release and slash (the bond's owner).</param>
/// <param name="Amount">Base units (0 for a release: the bond's amount).</param>
/// <param name="BondId">The bond (release, slash); null otherwise.</param>
/// <param name="Purpose">The bond's purpose (create-bond).</param>
/// <param name="Reason">The reward's or slash's reason.</param>
internal sealed record LedgerRequest(
    string MovementId,
    LedgerMovementKind Kind,
    string? Account,
    ulong Amount,
    string? BondId,
    BondPurpose? Purpose,
    LedgerReason? Reason)
{
    /// <summary>The largest amount or balance, in base units: the databases store signed 64-bit integers.</summary>
    public const ulong MaxAmount = long.MaxValue;

    /// <summary>A credit (operator funding).</summary>
    public static LedgerRequest Credit(string movementId, string account, ulong amount)
    {
        LedgerAccounts.ValidateName(movementId, nameof(movementId));
        LedgerAccounts.ValidateName(account, nameof(account));
        if (LedgerAccounts.IsReserved(account) && account != LedgerAccounts.RewardPool)
        {
            throw new ArgumentException($"must be a user account or {LedgerAccounts.RewardPool}; '{account}' is reserved", nameof(account));
        }

        ValidateAmount(amount, nameof(amount));
        return new LedgerRequest(movementId, LedgerMovementKind.Credit, account, amount, null, null, null);
    }

    /// <summary>A new bond.</summary>
    public static LedgerRequest CreateBond(string movementId, string account, BondPurpose purpose, ulong amount)
    {
        LedgerAccounts.ValidateName(movementId, nameof(movementId));
        ValidateUserAccount(account);
        if (!Enum.IsDefined(purpose))
        {
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "must be a defined BondPurpose");
        }

        ValidateAmount(amount, nameof(amount));
        return new LedgerRequest(movementId, LedgerMovementKind.CreateBond, account, amount, null, purpose, null);
    }

    /// <summary>A release.</summary>
    public static LedgerRequest ReleaseBond(string movementId, string bondId)
    {
        LedgerAccounts.ValidateName(movementId, nameof(movementId));
        LedgerAccounts.ValidateName(bondId, nameof(bondId));
        return new LedgerRequest(movementId, LedgerMovementKind.ReleaseBond, null, 0, bondId, null, null);
    }

    /// <summary>A slash.</summary>
    public static LedgerRequest SlashBond(string movementId, string bondId, ulong amount, LedgerReason reason)
    {
        LedgerAccounts.ValidateName(movementId, nameof(movementId));
        LedgerAccounts.ValidateName(bondId, nameof(bondId));
        ValidateAmount(amount, nameof(amount));
        if (reason is not (LedgerReason.InvalidCheckpoint or LedgerReason.FailedAuditThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "must be InvalidCheckpoint or FailedAuditThreshold for a slash");
        }

        return new LedgerRequest(movementId, LedgerMovementKind.SlashBond, null, amount, bondId, null, reason);
    }

    /// <summary>A reward from the reward pool.</summary>
    public static LedgerRequest PayReward(string movementId, string account, ulong amount, LedgerReason reason)
    {
        LedgerAccounts.ValidateName(movementId, nameof(movementId));
        ValidateUserAccount(account);
        ValidateAmount(amount, nameof(amount));
        if (reason is not LedgerReason.AvailabilityChallenge)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "must be AvailabilityChallenge for a reward");
        }

        return new LedgerRequest(movementId, LedgerMovementKind.PayReward, account, amount, null, null, reason);
    }

    /// <summary>
    /// Whether <paramref name="entry"/> (the journal row under the same id) records this same movement:
    /// the fields the caller chose must match; what the ledger derived (a release's owner and amount) is not compared.
    /// </summary>
    public bool Matches(LedgerEntry entry) => entry.Kind == Kind && Kind switch
    {
        LedgerMovementKind.Credit => entry.Account == Account && entry.Amount == Amount,
        LedgerMovementKind.CreateBond => entry.Account == Account && entry.Amount == Amount && entry.Purpose == Purpose,
        LedgerMovementKind.ReleaseBond => entry.BondId == BondId,
        LedgerMovementKind.SlashBond => entry.BondId == BondId && entry.Amount == Amount && entry.Reason == Reason,
        LedgerMovementKind.PayReward => entry.Account == Account && entry.Amount == Amount && entry.Reason == Reason,
        _ => false,
    };

    /// <summary>Throws unless <paramref name="account"/> is a valid, non-reserved account name.</summary>
    private static void ValidateUserAccount(string account)
    {
        LedgerAccounts.ValidateName(account, nameof(account));
        if (LedgerAccounts.IsReserved(account))
        {
            throw new ArgumentException($"must not be a reserved account ('$…'); got '{account}'", nameof(account));
        }
    }

    private static void ValidateAmount(ulong amount, string paramName)
    {
        if (amount is 0 or > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(paramName, amount, $"must be 1 to {MaxAmount} base units");
        }
    }
}
