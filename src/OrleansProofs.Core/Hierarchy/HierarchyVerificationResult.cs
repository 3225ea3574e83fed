// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// Outcome of <see cref="HierarchyPathVerifier.Verify(HierarchyPath, in Hash32, ulong, in Hash32, in Hash32)"/>:
/// valid, or the first check that failed with the values involved. Creating it allocates nothing;
/// <see cref="Reason"/> formats the message on demand.
/// </summary>
public readonly struct HierarchyVerificationResult
{
    private HierarchyVerificationResult(HierarchyFailure failure, ulong actual, ulong limit, Hash32 computedGlobalRoot)
    {
        Failure = failure;
        Actual = actual;
        Limit = limit;
        ComputedGlobalRoot = computedGlobalRoot;
    }

    /// <summary>True when the path proves the chain's commitment under the expected global root.</summary>
    public bool IsValid => Failure == HierarchyFailure.None;

    /// <summary>The failed check, <see cref="HierarchyFailure.None"/> when valid.</summary>
    public HierarchyFailure Failure { get; }

    /// <summary>The offending value of the failed check (for example the path's height).</summary>
    public ulong Actual { get; }

    /// <summary>What the failed check required (for example the claimed height or a capacity).</summary>
    public ulong Limit { get; }

    /// <summary>The global root recomputed from the path (set when every level was recomputed).</summary>
    public Hash32 ComputedGlobalRoot { get; }

    /// <summary>A precise human-readable reason ("valid" when valid).</summary>
    public string Reason => Failure switch
    {
        HierarchyFailure.None => "valid",
        HierarchyFailure.HeightMismatch => $"the path is for height {Actual}, not the claimed height {Limit}",
        HierarchyFailure.MemberCountOverCapacity => $"the group has {Actual} members; a group holds at most {Limit}",
        HierarchyFailure.GroupCountOverCapacity => $"the region has {Actual} groups; a region holds at most {Limit}",
        HierarchyFailure.RegionMismatch => $"the group belongs to region {Actual}, not region {Limit}",
        HierarchyFailure.TotalChainsInconsistent => $"total_chains {Actual} cannot hold the path's levels (needs {Limit})",
        HierarchyFailure.GlobalRootMismatch => $"the recomputed global root {ComputedGlobalRoot} does not match the expected root",
        _ => Failure.ToString(),
    };

    /// <summary>The valid result.</summary>
    internal static HierarchyVerificationResult Valid(in Hash32 globalRoot) => new(HierarchyFailure.None, 0, 0, globalRoot);

    /// <summary>A failed result; <paramref name="actual"/> and <paramref name="limit"/> are the values the check compared.</summary>
    internal static HierarchyVerificationResult Fail(HierarchyFailure failure, ulong actual, ulong limit, in Hash32 computedGlobalRoot = default) =>
        new(failure, actual, limit, computedGlobalRoot);

    /// <inheritdoc/>
    public override string ToString() => Reason;
}
