// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// The hierarchy's consensus numbers: group and region capacity and the iterated-hash work at each
/// level. Every node of a network must use the same values, or no two compute the same roots; the
/// service takes them from its consensus parameters.
/// </summary>
public sealed class HierarchyParameters
{
    /// <summary>Chains per group in the standard profiles.</summary>
    public const int DefaultChainsPerGroup = 1_000;

    /// <summary>Groups per region in the standard profiles.</summary>
    public const int DefaultGroupsPerRegion = 10;

    /// <summary>Iterated-hash steps on a group seed.</summary>
    public const int DefaultGroupIterations = 1_000;

    /// <summary>Iterated-hash steps on a region seed.</summary>
    public const int DefaultRegionIterations = 5_000;

    /// <summary>Iterated-hash steps on the global seed.</summary>
    public const int DefaultGlobalIterations = 10_000;

    /// <summary>Creates a parameter set; capacities must be at least 1, iteration counts not negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the exception names it).</exception>
    public HierarchyParameters(int chainsPerGroup, int groupsPerRegion, int groupIterations, int regionIterations, int globalIterations)
    {
        if (chainsPerGroup < 1)
        {
            throw Error.OutOfRange(nameof(chainsPerGroup), chainsPerGroup, "must be at least 1");
        }

        if (groupsPerRegion < 1)
        {
            throw Error.OutOfRange(nameof(groupsPerRegion), groupsPerRegion, "must be at least 1");
        }

        if (groupIterations < 0)
        {
            throw Error.OutOfRange(nameof(groupIterations), groupIterations, "must not be negative");
        }

        if (regionIterations < 0)
        {
            throw Error.OutOfRange(nameof(regionIterations), regionIterations, "must not be negative");
        }

        if (globalIterations < 0)
        {
            throw Error.OutOfRange(nameof(globalIterations), globalIterations, "must not be negative");
        }

        ChainsPerGroup = chainsPerGroup;
        GroupsPerRegion = groupsPerRegion;
        GroupIterations = groupIterations;
        RegionIterations = regionIterations;
        GlobalIterations = globalIterations;
    }

    /// <summary>1,000 chains per group, 10 groups per region; 1,000 / 5,000 / 10,000 iterations.</summary>
    public static HierarchyParameters Default { get; } = new(
        DefaultChainsPerGroup, DefaultGroupsPerRegion, DefaultGroupIterations, DefaultRegionIterations, DefaultGlobalIterations);

    /// <summary>Most chains one group holds.</summary>
    public int ChainsPerGroup { get; }

    /// <summary>Groups per region: group <c>g</c> belongs to region <c>g / GroupsPerRegion</c>.</summary>
    public int GroupsPerRegion { get; }

    /// <summary>Iterated-hash steps applied to every group seed.</summary>
    public int GroupIterations { get; }

    /// <summary>Iterated-hash steps applied to every region seed.</summary>
    public int RegionIterations { get; }

    /// <summary>Iterated-hash steps applied to the global seed.</summary>
    public int GlobalIterations { get; }
}
