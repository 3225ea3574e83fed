// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// Group placement over a roster in which chains leave: a chain holds its slot until its removal
/// block is recorded, so from then on a new chain can take the slot (GroupAssignment fills the
/// lowest-numbered group with room).
/// </summary>
internal static class RosterSlots
{
    /// <summary>
    /// The group a chain enrolling after the block at <paramref name="latestHeight"/> joins. Every
    /// group id up to the highest one in the roster is offered, with 0 members when all its chains
    /// left, so an emptied group is refilled before a new one is opened.
    /// </summary>
    public static uint AssignGroup(IReadOnlyCollection<ChainEntryState> chains, ulong latestHeight, int capacity) =>
        AssignGroups(chains, latestHeight, capacity, count: 1)[0];

    /// <summary>
    /// The groups of <paramref name="count"/> chains enrolling one after another after the block at
    /// <paramref name="latestHeight"/>: each as <see cref="AssignGroup"/> would place it with the
    /// earlier ones already enrolled. The roster is counted once, so a batch costs O(chains + count × groups).
    /// </summary>
    public static uint[] AssignGroups(IReadOnlyCollection<ChainEntryState> chains, ulong latestHeight, int capacity, int count)
    {
        List<int> members = [];
        foreach (ChainEntryState chain in chains)
        {
            while (members.Count <= chain.GroupId)
            {
                members.Add(0);
            }

            if (chain.HoldsSlotAfter(latestHeight))
            {
                members[(int)chain.GroupId]++;
            }
        }

        uint[] assigned = new uint[count];
        GroupOccupancy[] occupancy = new GroupOccupancy[members.Count];
        for (int n = 0; n < count; n++)
        {
            if (occupancy.Length != members.Count)
            {
                occupancy = new GroupOccupancy[members.Count];
            }

            for (int i = 0; i < members.Count; i++)
            {
                occupancy[i] = new GroupOccupancy((uint)i, members[i]);
            }

            uint group = GroupAssignment.AssignNewChain(occupancy, capacity);
            while (members.Count <= group)
            {
                members.Add(0);
            }

            members[(int)group]++;
            assigned[n] = group;
        }

        return assigned;
    }
}
