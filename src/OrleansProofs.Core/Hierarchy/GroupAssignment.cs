// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// Where a new chain goes: the lowest-numbered existing group with room, otherwise a new group
/// whose id is one more than the highest existing id (0 for the first). A group's region is
/// <c>group_id / groupsPerRegion</c>. Pure: the service persists the result, so membership stays
/// stable and every node computes the same roots.
/// </summary>
public static class GroupAssignment
{
    /// <summary>
    /// The group a new chain joins, given every existing group's occupancy (any order) and the
    /// group capacity.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="groups"/> lists a group twice, holds a count outside 0..capacity, or every id
    /// up to <see cref="uint.MaxValue"/> is full.
    /// </exception>
    public static uint AssignNewChain(ReadOnlySpan<GroupOccupancy> groups, int capacity)
    {
        if (capacity < 1)
        {
            throw Error.OutOfRange(nameof(capacity), capacity, "must be at least 1");
        }

        HashSet<uint> seen = new(groups.Length);
        uint? firstWithRoom = null;
        uint? highest = null;
        foreach (GroupOccupancy group in groups)
        {
            if (!seen.Add(group.GroupId))
            {
                throw Error.Invalid(nameof(groups), $"group {group.GroupId} is listed more than once.");
            }

            if (group.MemberCount < 0 || group.MemberCount > capacity)
            {
                throw Error.Invalid(nameof(groups), $"group {group.GroupId} has {group.MemberCount} members; a group holds 0 to {capacity}.");
            }

            if (group.MemberCount < capacity && (firstWithRoom is null || group.GroupId < firstWithRoom))
            {
                firstWithRoom = group.GroupId;
            }

            if (highest is null || group.GroupId > highest)
            {
                highest = group.GroupId;
            }
        }

        if (firstWithRoom is uint existing)
        {
            return existing;
        }

        if (highest is not uint max)
        {
            return 0;
        }

        if (max == uint.MaxValue)
        {
            throw Error.Invalid(nameof(groups), "every group is full and no group id is left.");
        }

        return max + 1;
    }

    /// <summary>The region of group <paramref name="groupId"/>: <c>groupId / groupsPerRegion</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groupsPerRegion"/> is below 1.</exception>
    public static uint RegionOf(uint groupId, int groupsPerRegion)
    {
        if (groupsPerRegion < 1)
        {
            throw Error.OutOfRange(nameof(groupsPerRegion), groupsPerRegion, "must be at least 1");
        }

        return groupId / (uint)groupsPerRegion;
    }
}
