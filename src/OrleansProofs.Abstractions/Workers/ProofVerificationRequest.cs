// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Abstractions.Workers;

/// <summary>One proof to verify.</summary>
/// <param name="Network">The network whose block records are the public block data.</param>
/// <param name="Format">The proof's format.</param>
/// <param name="Proof">The binary proof (for ultra-compact: the claim).</param>
/// <param name="ExpectedChainId">The chain the caller expects the proof to be about, or null to accept any.</param>
/// <param name="Nonce">The auditor's nonce (ultra-compact only; empty otherwise).</param>
/// <param name="ReferencePath">
/// Ultra-compact only: this node's own binary path proof for the chain at the claim's height, which
/// the claim is checked against (verified in full first); empty otherwise.
/// </param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ProofVerificationRequest")]
public sealed record ProofVerificationRequest(
    [property: Id(0)] string Network,
    [property: Id(1)] ProofFormat Format,
    [property: Id(2)] ImmutableArray<byte> Proof,
    [property: Id(3)] Hash32? ExpectedChainId,
    [property: Id(4)] ImmutableArray<byte> Nonce,
    [property: Id(5)] ImmutableArray<byte> ReferencePath);
