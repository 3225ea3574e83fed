// SPDX-License-Identifier: MIT

using System.Buffers;
using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Hierarchy;

/// <summary>
/// The canonical orders of the hierarchy (members by chain id bytewise, groups and regions by id)
/// and the Merkle roots over them. Inputs may come in any order; duplicates are rejected, so the
/// same set always gives the same root.
/// </summary>
internal static class HierarchyOrdering
{
    /// <summary>Sorts a pooled copy of <paramref name="members"/> by chain id and returns the Merkle root of their chain leaves.</summary>
    internal static Hash32 MembersRoot(ReadOnlySpan<GroupMember> members, ulong height, string paramName)
    {
        if (members.IsEmpty)
        {
            throw Error.Invalid(paramName, "a group needs at least one member; groups without members at a block are omitted.");
        }

        GroupMember[] sorted = ArrayPool<GroupMember>.Shared.Rent(members.Length);
        Hash32[] leaves = ArrayPool<Hash32>.Shared.Rent(members.Length);
        try
        {
            Span<GroupMember> span = sorted.AsSpan(0, members.Length);
            members.CopyTo(span);
            span.Sort(default(MemberByChainId));
            for (int i = 1; i < span.Length; i++)
            {
                if (span[i].ChainId == span[i - 1].ChainId)
                {
                    throw Error.Invalid(paramName, $"chain {span[i].ChainId} appears more than once in the group.");
                }
            }

            Span<Hash32> leafSpan = leaves.AsSpan(0, members.Length);
            for (int i = 0; i < span.Length; i++)
            {
                leafSpan[i] = ChainLeaf.Compute(span[i].ChainId, height, span[i].Commitment);
            }

            return MerkleTree.ComputeRoot(leafSpan);
        }
        finally
        {
            ArrayPool<GroupMember>.Shared.Return(sorted);
            ArrayPool<Hash32>.Shared.Return(leaves);
        }
    }

    /// <summary>Sorts a pooled copy of <paramref name="children"/> by id and returns the Merkle root of their roots.</summary>
    internal static Hash32 ChildrenRoot(ReadOnlySpan<LevelRoot> children, string paramName, string what)
    {
        if (children.IsEmpty)
        {
            throw Error.Invalid(paramName, $"needs at least one {what}; {what}s without chains at a block are omitted.");
        }

        LevelRoot[] sorted = ArrayPool<LevelRoot>.Shared.Rent(children.Length);
        Hash32[] roots = ArrayPool<Hash32>.Shared.Rent(children.Length);
        try
        {
            Span<LevelRoot> span = sorted.AsSpan(0, children.Length);
            children.CopyTo(span);
            span.Sort(default(LevelRootById));
            Span<Hash32> rootSpan = roots.AsSpan(0, children.Length);
            for (int i = 0; i < span.Length; i++)
            {
                if (i > 0 && span[i].Id == span[i - 1].Id)
                {
                    throw Error.Invalid(paramName, $"{what} id {span[i].Id} appears more than once.");
                }

                rootSpan[i] = span[i].Root;
            }

            return MerkleTree.ComputeRoot(rootSpan);
        }
        finally
        {
            ArrayPool<LevelRoot>.Shared.Return(sorted);
            ArrayPool<Hash32>.Shared.Return(roots);
        }
    }

    /// <summary>Members in bytewise chain-id order (<see cref="ChainIdOrder"/>).</summary>
    internal readonly struct MemberByChainId : IComparer<GroupMember>
    {
        public int Compare(GroupMember x, GroupMember y) => default(ChainIdOrder).Compare(x.ChainId, y.ChainId);
    }

    /// <summary>
    /// Bytewise order of chain ids, the same order as <see cref="Hash32.CompareTo"/>: comparing
    /// big-endian u64 words in turn is lexicographic byte order, and random ids almost always
    /// differ in the first word. A struct comparer, so the sort inlines it.
    /// </summary>
    internal readonly struct ChainIdOrder : IComparer<Hash32>
    {
        public int Compare(Hash32 x, Hash32 y)
        {
            ReadOnlySpan<byte> a = x.Bytes;
            ReadOnlySpan<byte> b = y.Bytes;
            for (int offset = 0; offset < Hash32.Size; offset += 8)
            {
                ulong left = BinaryPrimitives.ReadUInt64BigEndian(a[offset..]);
                ulong right = BinaryPrimitives.ReadUInt64BigEndian(b[offset..]);
                if (left != right)
                {
                    return left < right ? -1 : 1;
                }
            }

            return 0;
        }
    }

    /// <summary>Ascending id order.</summary>
    internal readonly struct LevelRootById : IComparer<LevelRoot>
    {
        public int Compare(LevelRoot x, LevelRoot y) => x.Id.CompareTo(y.Id);
    }
}
