// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Ledger;

namespace OrleansProofs.Abstractions.Adapters;

/// <summary>
/// The token adapter: bonds, rewards and slashing in generic token units (integer base units; the
/// token's name and decimals are configuration, only for display). The node's own ledger implements it
/// on the node's database; a real chain's adapter (a client of the chain's staking or escrow contract)
/// replaces it without touching the callers.
/// </summary>
/// <remarks>
/// <para>
/// Every movement carries a caller-chosen <c>movementId</c> and is idempotent by it: sending the same
/// movement again (after a timeout, a retry, a silo failover) answers <see cref="LedgerOutcome.AlreadyApplied"/>
/// with the original journal entry and changes nothing; the same id with other content is
/// <see cref="LedgerRejection.MovementIdReused"/>. Derive ids from what the movement is for (for example
/// <c>reward/{verifier}/{height}/{chain}/{chunk}</c>) so a retry reuses the id.
/// </para>
/// <para>
/// Business refusals (insufficient balance, unknown or settled bond, a slash beyond the bond) are
/// answered as <see cref="LedgerOutcome.Rejected"/> and change nothing; malformed input throws
/// <see cref="ArgumentException"/>. No balance ever goes negative.
/// </para>
/// </remarks>
public interface ITokenLedger
{
    /// <summary>
    /// Adds <paramref name="amount"/> to <paramref name="account"/>: the operator funding a local ledger
    /// (a development node, or the reward pool <see cref="LedgerAccounts.RewardPool"/>). This is the only
    /// movement that mints; a real chain's adapter, whose tokens come from the chain, throws <see cref="NotSupportedException"/>.
    /// </summary>
    Task<LedgerResult> CreditAsync(string movementId, string account, ulong amount, CancellationToken cancellationToken = default);

    /// <summary>Moves <paramref name="amount"/> from <paramref name="account"/>'s balance into a new bond whose id is <paramref name="movementId"/>.</summary>
    Task<LedgerResult> CreateBondAsync(string movementId, string account, BondPurpose purpose, ulong amount, CancellationToken cancellationToken = default);

    /// <summary>Returns an active bond's whole amount to its owner; the bond becomes <see cref="BondState.Released"/>.</summary>
    Task<LedgerResult> ReleaseBondAsync(string movementId, string bondId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Settles an active bond by slashing: <paramref name="amount"/> (at most the bond's amount, else
    /// <see cref="LedgerRejection.SlashExceedsBond"/>) goes to <see cref="LedgerAccounts.Slashed"/>, the rest
    /// returns to the owner, and the bond becomes <see cref="BondState.Slashed"/>.
    /// </summary>
    Task<LedgerResult> SlashBondAsync(string movementId, string bondId, ulong amount, LedgerReason reason, CancellationToken cancellationToken = default);

    /// <summary>Pays <paramref name="amount"/> from <see cref="LedgerAccounts.RewardPool"/> to <paramref name="account"/>.</summary>
    Task<LedgerResult> PayRewardAsync(string movementId, string account, ulong amount, LedgerReason reason, CancellationToken cancellationToken = default);

    /// <summary>The spendable balance of <paramref name="account"/> (0 for an account never seen), excluding its bonds.</summary>
    Task<ulong> GetBalanceAsync(string account, CancellationToken cancellationToken = default);

    /// <summary>The bond <paramref name="bondId"/>, or null.</summary>
    Task<LedgerBond?> GetBondAsync(string bondId, CancellationToken cancellationToken = default);

    /// <summary>Every bond <paramref name="account"/> ever created (any state), oldest first.</summary>
    Task<IReadOnlyList<LedgerBond>> GetBondsAsync(string account, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> journal entries with a sequence above <paramref name="afterSequence"/>, ascending.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadJournalAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);
}
