// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Abstractions.Workers;

/// <summary>The verdict on one proof.</summary>
/// <param name="Failure">The first failed check, or <see cref="ProofFailure.None"/> when valid.</param>
/// <param name="Reason">What failed, which field, expected vs actual; null when valid.</param>
/// <param name="ChainId">The chain the proof is about, once decoded.</param>
/// <param name="Height">The block the proof ends at, once decoded.</param>
/// <param name="RegisteredChainChecked">True when the chain is registered on this node and its registration was pinned.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ProofVerificationOutcome")]
public sealed record ProofVerificationOutcome(
    [property: Id(0)] ProofFailure Failure,
    [property: Id(1)] string? Reason,
    [property: Id(2)] Hash32? ChainId,
    [property: Id(3)] ulong? Height,
    [property: Id(4)] bool RegisteredChainChecked)
{
    /// <summary>True when every check passed.</summary>
    public bool IsValid => Failure == ProofFailure.None;
}
