// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Parameters;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>
/// Removal and retention rules shared by the grains and the HTTP gateway: the reason an operator
/// may give, and how long each retention policy keeps a chain.
/// </summary>
public static class ChainRemovalRules
{
    /// <summary>Longest removal reason, in characters.</summary>
    public const int MaxReasonLength = 256;

    /// <summary>Seconds in a retention day (days are exact 86,400-second spans of block time).</summary>
    public const ulong SecondsPerDay = 86_400;

    /// <summary>The problem with <paramref name="reason"/> as (field, reason), or null when it is acceptable (null and empty are: no reason).</summary>
    public static (string Field, string Reason)? FindProblem(string? reason)
    {
        if (reason is null)
        {
            return null;
        }

        if (reason.Length > MaxReasonLength)
        {
            return ("reason", $"is {reason.Length} characters; at most {MaxReasonLength} are allowed.");
        }

        for (int i = 0; i < reason.Length; i++)
        {
            if (char.IsControl(reason[i]))
            {
                return ("reason", $"must not contain control characters; found U+{(int)reason[i]:X4} at position {i}.");
            }
        }

        return null;
    }

    /// <summary>The retention of <paramref name="retentionPolicy"/> in days under <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">The policy is not one of <see cref="ChainRegistrationRules.RetentionPolicies"/>.</exception>
    public static int RetentionDays(string retentionPolicy, ConsensusParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return retentionPolicy switch
        {
            ChainRegistrationRules.DefaultRetentionPolicy => parameters.RetentionStandardDays,
            ChainRegistrationRules.ArchivalRetentionPolicy => parameters.RetentionArchivalDays,
            ChainRegistrationRules.TemporaryRetentionPolicy => parameters.RetentionTemporaryDays,
            _ => throw new ArgumentException(
                $"The retention policy must be one of {string.Join(", ", ChainRegistrationRules.RetentionPolicies)}; got '{retentionPolicy}'.", nameof(retentionPolicy)),
        };
    }

    /// <summary>
    /// When a chain anchored at a block with timestamp <paramref name="anchorTimestamp"/> (Unix seconds)
    /// expires: anchor time + the policy's days. Saturates at <see cref="ulong.MaxValue"/> (never).
    /// </summary>
    public static ulong ExpiresAt(ulong anchorTimestamp, string retentionPolicy, ConsensusParameters parameters)
    {
        ulong span = (ulong)RetentionDays(retentionPolicy, parameters) * SecondsPerDay;
        return anchorTimestamp > ulong.MaxValue - span ? ulong.MaxValue : anchorTimestamp + span;
    }
}
