// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>
/// The answer to a removal request: scheduled (with the schedule), or rejected with the reason and,
/// when the chain is already leaving, the schedule it already has. A rejection changed nothing.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.RemovalResult")]
public sealed class RemovalResult
{
    private RemovalResult(ChainRemovalSchedule? schedule, RemovalRejection rejection, string? detail)
    {
        Schedule = schedule;
        Rejection = rejection;
        Detail = detail;
    }

    /// <summary>The new schedule when scheduled; the existing one when rejected because the chain is already leaving; otherwise null.</summary>
    [Id(0)] public ChainRemovalSchedule? Schedule { get; }

    /// <summary>Why the request was refused; <see cref="RemovalRejection.None"/> when scheduled.</summary>
    [Id(1)] public RemovalRejection Rejection { get; }

    /// <summary>What was found instead (the existing schedule or the missing registration); null when scheduled.</summary>
    [Id(2)] public string? Detail { get; }

    /// <summary>True when this request scheduled the removal.</summary>
    [MemberNotNullWhen(true, nameof(Schedule))]
    [MemberNotNullWhen(false, nameof(Detail))]
    public bool IsScheduled => Rejection == RemovalRejection.None;

    /// <summary>The removal was scheduled now.</summary>
    public static RemovalResult Scheduled(ChainRemovalSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(schedule, RemovalRejection.None, null);
    }

    /// <summary>The request was refused; <paramref name="existing"/> is the schedule the chain already has, if any.</summary>
    public static RemovalResult Rejected(RemovalRejection rejection, string detail, ChainRemovalSchedule? existing = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(detail);
        if (rejection == RemovalRejection.None)
        {
            throw new ArgumentOutOfRangeException(nameof(rejection), rejection, "A rejection needs a reason other than None.");
        }

        return new(existing, rejection, detail);
    }

    /// <inheritdoc/>
    public override string ToString() => IsScheduled ? $"Scheduled at height {Schedule.RemovalHeight}" : $"Rejected ({Rejection}): {Detail}";
}
