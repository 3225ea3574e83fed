// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>One row of the append-only journal: a movement that was applied.</summary>
/// <param name="Sequence">Position in the journal: strictly increasing in the order movements were applied (gaps are possible).</param>
/// <param name="MovementId">The caller's idempotency key; unique in the journal.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Account">The account credited, bonded or rewarded; for a release or slash, the bond's owner.</param>
/// <param name="Amount">Base units: credited, bonded, rewarded, released (the bond's amount) or slashed.</param>
/// <param name="BondId">The bond created, released or slashed; null for credits and rewards.</param>
/// <param name="Purpose">The bond's purpose (create-bond only).</param>
/// <param name="Reason">Why a reward was paid or a bond slashed.</param>
/// <param name="RecordedAt">When the ledger applied it (UTC, millisecond precision).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string MovementId,
    [property: Id(2)] LedgerMovementKind Kind,
    [property: Id(3)] string Account,
    [property: Id(4)] ulong Amount,
    [property: Id(5)] string? BondId,
    [property: Id(6)] BondPurpose? Purpose,
    [property: Id(7)] LedgerReason? Reason,
    [property: Id(8)] DateTimeOffset RecordedAt);
