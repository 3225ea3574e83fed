// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Tests.Hierarchy;

/// <summary>
/// Verifies group assignment: a new chain fills the lowest-numbered group with room whatever the
/// input order, otherwise opens group max+1 (0 for the first); regions are group id / groups per
/// region; malformed occupancy is rejected naming the parameter.
/// </summary>
public sealed class GroupAssignmentTests
{
    [Fact]
    public void FirstChain_GoesToGroupZero()
    {
        Assert.Equal(0u, GroupAssignment.AssignNewChain([], 1000));
    }

    [Fact]
    public void FillsTheLowestGroupWithRoom_InAnyInputOrder()
    {
        GroupOccupancy[] groups = [new(0, 1000), new(3, 999), new(1, 1000), new(2, 0)];
        Assert.Equal(2u, GroupAssignment.AssignNewChain(groups, 1000));
        Array.Reverse(groups);
        Assert.Equal(2u, GroupAssignment.AssignNewChain(groups, 1000));
        Assert.Equal(3u, GroupAssignment.AssignNewChain([new(0, 1000), new(3, 999), new(1, 1000)], 1000));
    }

    [Fact]
    public void AllFull_OpensMaxPlusOne_EvenWithGapsInIds()
    {
        Assert.Equal(1u, GroupAssignment.AssignNewChain([new(0, 1000)], 1000));
        Assert.Equal(8u, GroupAssignment.AssignNewChain([new(7, 2), new(0, 2), new(4, 2)], 2));
    }

    [Fact]
    public void SimulatedGrowth_Fills1000PerGroup_AndRefillsAfterRemoval()
    {
        List<int> counts = [];
        for (int chain = 0; chain < 10_001; chain++)
        {
            GroupOccupancy[] occupancy = counts.Select((c, g) => new GroupOccupancy((uint)g, c)).ToArray();
            uint group = GroupAssignment.AssignNewChain(occupancy, 1000);
            if (group == counts.Count)
            {
                counts.Add(0);
            }

            counts[(int)group]++;
        }

        Assert.Equal(11, counts.Count);
        Assert.All(counts.Take(10), c => Assert.Equal(1000, c));
        Assert.Equal(1, counts[10]);

        counts[4]--;
        GroupOccupancy[] afterRemoval = counts.Select((c, g) => new GroupOccupancy((uint)g, c)).ToArray();
        Assert.Equal(4u, GroupAssignment.AssignNewChain(afterRemoval, 1000));
    }

    [Fact]
    public void RegionOf_IsGroupIdDividedByGroupsPerRegion()
    {
        Assert.Equal(0u, GroupAssignment.RegionOf(0, 10));
        Assert.Equal(0u, GroupAssignment.RegionOf(9, 10));
        Assert.Equal(1u, GroupAssignment.RegionOf(10, 10));
        Assert.Equal(429_496_729u, GroupAssignment.RegionOf(uint.MaxValue, 10));
        Assert.Equal(5u, GroupAssignment.RegionOf(5, 1));
    }

    [Fact]
    public void BadInputs_AreRejected_NamingTheParameter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("capacity", () => GroupAssignment.AssignNewChain([], 0));
        Assert.Throws<ArgumentException>("groups", () => GroupAssignment.AssignNewChain([new(1, 3), new(1, 4)], 10));
        Assert.Throws<ArgumentException>("groups", () => GroupAssignment.AssignNewChain([new(1, 11)], 10));
        Assert.Throws<ArgumentException>("groups", () => GroupAssignment.AssignNewChain([new(1, -1)], 10));
        Assert.Throws<ArgumentException>("groups", () => GroupAssignment.AssignNewChain([new(uint.MaxValue, 10)], 10));
        Assert.Throws<ArgumentOutOfRangeException>("groupsPerRegion", () => GroupAssignment.RegionOf(1, 0));
    }
}
