// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;

namespace OrleansProofs.Core.Challenges;

/// <summary>The verdict of <see cref="AvailabilityVerifier.Verify"/>: valid, or the first failed check with a reason naming the field.</summary>
public sealed class AvailabilityCheck
{
    private static readonly AvailabilityCheck s_valid = new(AvailabilityFailure.None, null);

    private AvailabilityCheck(AvailabilityFailure failure, string? reason)
    {
        Failure = failure;
        Reason = reason;
    }

    /// <summary>True when every check passed.</summary>
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsValid => Failure == AvailabilityFailure.None;

    /// <summary>The first failed check, or <see cref="AvailabilityFailure.None"/>.</summary>
    public AvailabilityFailure Failure { get; }

    /// <summary>What failed, expected against actual; null when valid.</summary>
    public string? Reason { get; }

    /// <summary>A passing verdict.</summary>
    public static AvailabilityCheck Valid() => s_valid;

    /// <summary>A failing verdict.</summary>
    public static AvailabilityCheck Fail(AvailabilityFailure failure, string reason) => new(failure, reason);

    /// <inheritdoc/>
    public override string ToString() => IsValid ? "valid" : $"{Failure}: {Reason}";
}
