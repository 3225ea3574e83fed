// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// A group's root at a block. Members are sorted by chain id (bytewise); <c>M</c> is the Merkle
/// root over their <see cref="ChainLeaf"/>s;
/// <c>seed = SHA-256(u8 13 ‖ "posc/v1/group" ‖ u32 group_id ‖ u64 height ‖ u32 member_count ‖ M)</c>;
/// <c>group_root = IteratedHash(seed, groupIterations)</c>.
/// </summary>
public static class GroupRoot
{
    /// <summary>Bytes hashed for the seed: tag prefix (14) + 4 + 8 + 4 + 32.</summary>
    public const int SeedInputSize = 14 + 4 + 8 + 4 + Hash32.Size;

    /// <summary>The group seed over the members' Merkle root <paramref name="membersRoot"/>.</summary>
    public static Hash32 ComputeSeed(uint groupId, ulong height, uint memberCount, in Hash32 membersRoot) =>
        LevelSeed.Compute(DomainTags.Group, groupId, height, memberCount, membersRoot);

    /// <summary>
    /// Computes the root of group <paramref name="groupId"/> at <paramref name="height"/> from its
    /// members in any order. Capacity is the caller's rule (<see cref="HierarchyParameters.ChainsPerGroup"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="members"/> is empty or holds a chain id twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is negative.</exception>
    public static Hash32 Compute(uint groupId, ulong height, ReadOnlySpan<GroupMember> members, int iterations)
    {
        if (iterations < 0)
        {
            throw Error.OutOfRange(nameof(iterations), iterations, "must not be negative");
        }

        Hash32 membersRoot = HierarchyOrdering.MembersRoot(members, height, nameof(members));
        return IteratedHash.Compute(ComputeSeed(groupId, height, (uint)members.Length, membersRoot), iterations);
    }
}
