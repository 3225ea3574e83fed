// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>The answer to a movement: applied, already applied (idempotent replay), or rejected with the reason.</summary>
/// <param name="Outcome">What became of it.</param>
/// <param name="Entry">The journal entry: the new one, or the earlier one a replay matched; null when rejected.</param>
/// <param name="Rejection">Why it was rejected (<see cref="LedgerRejection.None"/> otherwise).</param>
/// <param name="Detail">A sentence for operators saying what was rejected and why; null unless rejected.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.LedgerResult")]
public sealed record LedgerResult(
    [property: Id(0)] LedgerOutcome Outcome,
    [property: Id(1)] LedgerEntry? Entry,
    [property: Id(2)] LedgerRejection Rejection,
    [property: Id(3)] string? Detail)
{
    /// <summary>A movement applied now.</summary>
    public static LedgerResult Applied(LedgerEntry entry) => new(LedgerOutcome.Applied, entry, LedgerRejection.None, null);

    /// <summary>A replay of <paramref name="entry"/>.</summary>
    public static LedgerResult AlreadyApplied(LedgerEntry entry) => new(LedgerOutcome.AlreadyApplied, entry, LedgerRejection.None, null);

    /// <summary>A rejection.</summary>
    public static LedgerResult Rejected(LedgerRejection rejection, string detail) => new(LedgerOutcome.Rejected, null, rejection, detail);

    /// <summary>Whether the movement's effect is in the ledger (applied now or before).</summary>
    public bool Succeeded => Outcome is LedgerOutcome.Applied or LedgerOutcome.AlreadyApplied;
}
