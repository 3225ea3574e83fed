// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The answer of <c>POST /api/proofs/verify</c>.</summary>
/// <param name="Valid">True when every check passed.</param>
/// <param name="Failure">The first failed check (camelCase <c>ProofFailure</c> name), or null.</param>
/// <param name="Reason">What failed, which field, expected vs actual; null when valid.</param>
/// <param name="ChainId">The chain the proof is about, once decoded.</param>
/// <param name="Height">The block the proof ends at, once decoded.</param>
/// <param name="Format">The format verified.</param>
/// <param name="RegisteredChainChecked">True when the chain is registered on this node and its registration was pinned.</param>
public sealed record VerifyResponse(bool Valid, string? Failure, string? Reason, string? ChainId, ulong? Height, string Format, bool RegisteredChainChecked);
