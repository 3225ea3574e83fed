// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Chains;

/// <summary>
/// The rules a <see cref="ChainRegistrationRequest"/>'s retention policy and metadata follow, shared
/// by the chain grain and the HTTP gateway so both reject the same input with the same reason.
/// </summary>
public static class ChainRegistrationRules
{
    /// <summary>The retention policy used when none is named.</summary>
    public const string DefaultRetentionPolicy = "default";

    /// <summary>The long-lived retention policy (the profile's archival days).</summary>
    public const string ArchivalRetentionPolicy = "archival";

    /// <summary>The short-lived retention policy (the profile's temporary days).</summary>
    public const string TemporaryRetentionPolicy = "temporary";

    /// <summary>Most metadata entries per chain.</summary>
    public const int MaxMetadataEntries = 16;

    /// <summary>Longest metadata key, in characters.</summary>
    public const int MaxMetadataKeyLength = 64;

    /// <summary>Longest metadata value, in characters.</summary>
    public const int MaxMetadataValueLength = 256;

    /// <summary>The retention policy names (DESIGN §4: default 365 d, archival 2,555 d, temporary 30 d).</summary>
    public static ImmutableArray<string> RetentionPolicies { get; } = [DefaultRetentionPolicy, ArchivalRetentionPolicy, TemporaryRetentionPolicy];

    /// <summary>The first broken rule as (field, reason), or null when the policy and metadata are acceptable.</summary>
    public static (string Field, string Reason)? FindProblem(string? retentionPolicy, IReadOnlyDictionary<string, string>? metadata)
    {
        if (retentionPolicy is null || !RetentionPolicies.Contains(retentionPolicy))
        {
            return ("retentionPolicy", $"must be one of {string.Join(", ", RetentionPolicies)}; got '{retentionPolicy}'.");
        }

        if (metadata is null)
        {
            return null;
        }

        if (metadata.Count > MaxMetadataEntries)
        {
            return ("metadata", $"holds {metadata.Count} entries; at most {MaxMetadataEntries} are allowed.");
        }

        foreach ((string key, string value) in metadata)
        {
            if (string.IsNullOrEmpty(key) || key.Length > MaxMetadataKeyLength)
            {
                return ("metadata", $"key '{key}' must be 1 to {MaxMetadataKeyLength} characters.");
            }

            if (value is null || value.Length > MaxMetadataValueLength)
            {
                return ($"metadata.{key}", $"must be a string of at most {MaxMetadataValueLength} characters.");
            }
        }

        return null;
    }
}
