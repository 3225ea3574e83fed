// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>
/// A chain's scheduled departure, decided by its network's block ingress: the chain is covered
/// through <c><paramref name="RemovalHeight"/> − 1</c> and not at <paramref name="RemovalHeight"/>, where
/// its group slot is freed and the chain grain releases its replica.
/// </summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Kind">Operator removal or retention expiry.</param>
/// <param name="ScheduledAtHeight">The latest recorded block when the removal was scheduled.</param>
/// <param name="RemovalHeight">The first block that no longer covers the chain: scheduled height + the profile's removal delay.</param>
/// <param name="Reason">The operator's reason (may be empty), or the expiry's explanation.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChainRemovalSchedule")]
public sealed record ChainRemovalSchedule(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] RemovalKind Kind,
    [property: Id(2)] ulong ScheduledAtHeight,
    [property: Id(3)] ulong RemovalHeight,
    [property: Id(4)] string Reason);
