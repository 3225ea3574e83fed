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
    public static uint AssignGroup(IReadOnlyCollection<ChainEntryState> chains, ulong latestHeight, int capacity)
    {
        if (chains.Count == 0)
        {
            return GroupAssignment.AssignNewChain([], capacity);
        }

        uint highest = chains.Max(c => c.GroupId);
        int[] members = new int[checked((int)highest + 1)];
        foreach (ChainEntryState chain in chains)
        {
            if (chain.HoldsSlotAfter(latestHeight))
            {
                members[chain.GroupId]++;
            }
        }

        GroupOccupancy[] occupancy = new GroupOccupancy[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            occupancy[i] = new GroupOccupancy((uint)i, members[i]);
        }

        return GroupAssignment.AssignNewChain(occupancy, capacity);
    }
}
