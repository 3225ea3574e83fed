// SPDX-License-Identifier: MIT

using System.Buffers;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Merkle;

/// <summary>
/// The protocol's binary Merkle tree, used for replica chunks and for the chain → group → region
/// hierarchy alike.
/// <list type="bullet">
/// <item>node = <c>SHA-256(u8 12 ‖ "posc/v1/node" ‖ left ‖ right)</c>;</item>
/// <item>odd rule: the last node of a level with an odd count is <b>promoted unchanged</b> to the
/// next level (never duplicated, so no two different leaf lists share a root — the duplication
/// rule's known mutation weakness);</item>
/// <item>a one-leaf tree's root is the leaf itself; an empty tree is not defined;</item>
/// <item>a path lists the siblings bottom-up, only at levels where the node has one. Which levels
/// those are follows from (index, leafCount) alone, so the path carries no direction bits and
/// verifies for every leaf, the last one included.</item>
/// </list>
/// </summary>
public static class MerkleTree
{
    /// <summary>Bytes hashed per inner node: tag prefix plus two children.</summary>
    private const int NodeInputSize = 1 + 12 + 2 * Hash32.Size;

    /// <summary>The largest supported leaf count (2^40 leaves of 4 KiB = 4 PiB).</summary>
    public const long MaxLeafCount = 1L << 40;

    /// <summary>Hashes two children into their parent.</summary>
    public static Hash32 HashNode(in Hash32 left, in Hash32 right)
    {
        Span<byte> buffer = stackalloc byte[NodeInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Node);
        writer.WriteHash(left);
        writer.WriteHash(right);
        return writer.Hash();
    }

    /// <summary>Computes the root of <paramref name="leaves"/>.</summary>
    /// <exception cref="ArgumentException">No leaves.</exception>
    public static Hash32 ComputeRoot(ReadOnlySpan<Hash32> leaves)
    {
        if (leaves.IsEmpty)
        {
            throw Error.Invalid(nameof(leaves), "a Merkle tree needs at least one leaf.");
        }

        Hash32[] scratch = ArrayPool<Hash32>.Shared.Rent((leaves.Length + 1) / 2);
        try
        {
            ReadOnlySpan<Hash32> level = leaves;
            while (level.Length > 1)
            {
                int parents = ReduceLevel(level, scratch);
                level = scratch.AsSpan(0, parents);
            }

            return level[0];
        }
        finally
        {
            ArrayPool<Hash32>.Shared.Return(scratch);
        }
    }

    /// <summary>Number of siblings on the path of leaf <paramref name="index"/> in a tree of <paramref name="leafCount"/> leaves.</summary>
    public static int PathLength(long index, long leafCount)
    {
        ValidatePosition(index, leafCount);
        int length = 0;
        for (long width = leafCount; width > 1; width = (width + 1) / 2, index /= 2)
        {
            if (HasSibling(index, width))
            {
                length++;
            }
        }

        return length;
    }

    /// <summary>Builds the inclusion path of leaf <paramref name="index"/>.</summary>
    public static Hash32[] BuildPath(ReadOnlySpan<Hash32> leaves, long index)
    {
        ValidatePosition(index, leaves.Length);
        Hash32[] path = new Hash32[PathLength(index, leaves.Length)];
        Hash32[] scratch = ArrayPool<Hash32>.Shared.Rent((leaves.Length + 1) / 2);
        try
        {
            ReadOnlySpan<Hash32> level = leaves;
            int written = 0;
            long position = index;
            while (level.Length > 1)
            {
                if (HasSibling(position, level.Length))
                {
                    path[written++] = level[(int)(position ^ 1)];
                }

                int parents = ReduceLevel(level, scratch);
                level = scratch.AsSpan(0, parents);
                position /= 2;
            }

            return path;
        }
        finally
        {
            ArrayPool<Hash32>.Shared.Return(scratch);
        }
    }

    /// <summary>Recomputes the root from a leaf and its path; false if the path has the wrong length.</summary>
    public static bool TryComputeRootFromPath(in Hash32 leaf, long index, long leafCount, ReadOnlySpan<Hash32> path, out Hash32 root)
    {
        root = default;
        if (leafCount < 1 || leafCount > MaxLeafCount || index < 0 || index >= leafCount)
        {
            return false;
        }

        Hash32 node = leaf;
        int used = 0;
        for (long width = leafCount; width > 1; width = (width + 1) / 2, index /= 2)
        {
            if (!HasSibling(index, width))
            {
                continue;
            }

            if (used == path.Length)
            {
                return false;
            }

            node = (index & 1) == 0 ? HashNode(node, path[used]) : HashNode(path[used], node);
            used++;
        }

        if (used != path.Length)
        {
            return false;
        }

        root = node;
        return true;
    }

    /// <summary>True when <paramref name="path"/> proves <paramref name="leaf"/> at <paramref name="index"/> under <paramref name="root"/>.</summary>
    public static bool VerifyPath(in Hash32 leaf, long index, long leafCount, ReadOnlySpan<Hash32> path, in Hash32 root) =>
        TryComputeRootFromPath(leaf, index, leafCount, path, out Hash32 computed) && computed == root;

    /// <summary>A node has a sibling unless it is the last node of an odd-width level.</summary>
    internal static bool HasSibling(long index, long width) => (index ^ 1) < width;

    /// <summary>Hashes one level into its parents (the odd last node promoted); returns the parent count.</summary>
    internal static int ReduceLevel(ReadOnlySpan<Hash32> level, Span<Hash32> parents)
    {
        int count = 0;
        int i = 0;
        for (; i + 1 < level.Length; i += 2)
        {
            parents[count++] = HashNode(level[i], level[i + 1]);
        }

        if (i < level.Length)
        {
            parents[count++] = level[i];
        }

        return count;
    }

    private static void ValidatePosition(long index, long leafCount)
    {
        if (leafCount < 1 || leafCount > MaxLeafCount)
        {
            throw Error.OutOfRange(nameof(leafCount), leafCount, $"must be between 1 and {MaxLeafCount}");
        }

        if (index < 0 || index >= leafCount)
        {
            throw Error.OutOfRange(nameof(index), index, $"must be a leaf index below the leaf count {leafCount}");
        }
    }
}
