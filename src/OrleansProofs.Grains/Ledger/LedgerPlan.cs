// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Ledger;

namespace OrleansProofs.Grains.Ledger;

/// <summary>
/// What one accepted movement writes, all in one transaction: its journal entry (sequence not yet
/// assigned), the balance changes, and the bond it creates or settles.
/// </summary>
/// <param name="Entry">The journal entry to append (its <see cref="LedgerEntry.Sequence"/> is assigned by the store).</param>
/// <param name="Changes">Balance changes; a negative delta is applied only where the balance covers it (the store's guard).</param>
/// <param name="Bond">The bond after the movement: inserted for a create-bond, otherwise updated from <see cref="BondState.Active"/> only; null for credits and rewards.</param>
internal sealed record LedgerPlan(LedgerEntry Entry, IReadOnlyList<BalanceChange> Changes, LedgerBond? Bond);

/// <summary>One account's balance change within a <see cref="LedgerPlan"/>.</summary>
/// <param name="Account">The account.</param>
/// <param name="Delta">Base units added (positive) or taken (negative).</param>
internal readonly record struct BalanceChange(string Account, long Delta);
