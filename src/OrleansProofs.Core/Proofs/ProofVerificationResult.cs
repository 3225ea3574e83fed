// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Proofs;

/// <summary>The outcome of verifying a proof: valid, or the first failure with a precise reason.</summary>
public sealed class ProofVerificationResult
{
    private ProofVerificationResult(ProofFailure failure, string? reason, Hash32? chainId, ulong? height)
    {
        Failure = failure;
        Reason = reason;
        ChainId = chainId;
        Height = height;
    }

    /// <summary>True when every check passed.</summary>
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsValid => Failure == ProofFailure.None;

    /// <summary>The first failed check, or <see cref="ProofFailure.None"/>.</summary>
    public ProofFailure Failure { get; }

    /// <summary>What failed, which field, expected vs actual; null when valid.</summary>
    public string? Reason { get; }

    /// <summary>The chain the proof is about, once decoded.</summary>
    public Hash32? ChainId { get; }

    /// <summary>The block height the proof ends at, once decoded.</summary>
    public ulong? Height { get; }

    /// <summary>A passing result.</summary>
    public static ProofVerificationResult Valid(Hash32 chainId, ulong height) => new(ProofFailure.None, null, chainId, height);

    /// <summary>A failing result.</summary>
    public static ProofVerificationResult Fail(ProofFailure failure, string reason, Hash32? chainId = null, ulong? height = null) =>
        new(failure, reason, chainId, height);

    /// <inheritdoc/>
    public override string ToString() => IsValid ? $"valid (chain {ChainId}, height {Height})" : $"{Failure}: {Reason}";
}
