// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Ledger;

/// <summary>A bond: tokens of <paramref name="Account"/> held against misbehaviour.</summary>
/// <param name="BondId">The bond's id: the movement id of the create-bond movement that made it.</param>
/// <param name="Account">The owner.</param>
/// <param name="Purpose">What it secures.</param>
/// <param name="Amount">Base units held while active.</param>
/// <param name="State">Active, released or slashed.</param>
/// <param name="SlashedAmount">Base units burned when slashed (0 otherwise).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.LedgerBond")]
public sealed record LedgerBond(
    [property: Id(0)] string BondId,
    [property: Id(1)] string Account,
    [property: Id(2)] BondPurpose Purpose,
    [property: Id(3)] ulong Amount,
    [property: Id(4)] BondState State,
    [property: Id(5)] ulong SlashedAmount);
