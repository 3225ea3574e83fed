// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Merkle;

/// <summary>
/// Builds the same root as <see cref="MerkleTree.ComputeRoot"/> from leaves fed one at a time, in
/// O(log n) memory: one pending subtree root per level (at most 41 for
/// <see cref="MerkleTree.MaxLeafCount"/> leaves). After <c>n</c> leaves, level <c>L</c> holds a
/// complete subtree of <c>2^L</c> leaves exactly when bit <c>L</c> of <c>n</c> is set.
/// <para>
/// Why this equals the level-by-level tree with the promote-the-odd-node rule: the node at level
/// <c>L</c>, position <c>p</c> always covers the aligned leaf range <c>[p·2^L, (p+1)·2^L) ∩ [0, n)</c>.
/// Closing the tree therefore folds the pending roots from the lowest level up, each pending root
/// being the left child of everything to its right; a level with no pending root is where the
/// right part is promoted unchanged.
/// </para>
/// </summary>
public sealed class StreamingMerkleBuilder
{
    /// <summary>Levels needed for <see cref="MerkleTree.MaxLeafCount"/> = 2^40 leaves.</summary>
    private const int MaxLevels = 41;

    private readonly Hash32[] _pending = new Hash32[MaxLevels];

    /// <summary>Leaves added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds the next leaf.</summary>
    /// <exception cref="InvalidOperationException">The tree already holds <see cref="MerkleTree.MaxLeafCount"/> leaves.</exception>
    public void Add(in Hash32 leaf)
    {
        if (Count >= MerkleTree.MaxLeafCount)
        {
            throw new InvalidOperationException($"A Merkle tree holds at most {MerkleTree.MaxLeafCount} leaves.");
        }

        Hash32 node = leaf;
        int level = 0;
        for (long n = Count; (n & 1) != 0; n >>= 1, level++)
        {
            node = MerkleTree.HashNode(_pending[level], node);
        }

        _pending[level] = node;
        Count++;
    }

    /// <summary>The root over the leaves added so far; the builder stays usable (more leaves may follow).</summary>
    /// <exception cref="InvalidOperationException">No leaves were added.</exception>
    public Hash32 ComputeRoot()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("A Merkle tree needs at least one leaf.");
        }

        int level = 0;
        long n = Count;
        while ((n & 1) == 0)
        {
            n >>= 1;
            level++;
        }

        Hash32 carry = _pending[level];
        for (n >>= 1, level++; n != 0; n >>= 1, level++)
        {
            if ((n & 1) != 0)
            {
                carry = MerkleTree.HashNode(_pending[level], carry);
            }
        }

        return carry;
    }

    /// <summary>Forgets every leaf, to build another tree.</summary>
    public void Reset()
    {
        Array.Clear(_pending);
        Count = 0;
    }
}
