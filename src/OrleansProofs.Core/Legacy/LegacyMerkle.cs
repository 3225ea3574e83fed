// SPDX-License-Identifier: MIT
//  v1 Merkle root: rs_merkle 1.x with algorithms::Sha256, as the earlier prototype used it.
//      Leaves are taken as given (no leaf hashing, no domain tags); parent = SHA-256(left ‖ right);
//      the last node of an odd level is promoted unchanged (rs_merkle's concat_and_hash(left, None) = left);
//      one leaf: root = leaf; zero leaves: root = 32 zero bytes.

using System.Buffers;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Legacy;

/// <summary>The v1 (rs_merkle, untagged SHA-256) Merkle root, to re-check v1 headers. Not the protocol's tree.</summary>
public static class LegacyMerkle
{
    /// <summary>Computes the v1 root of <paramref name="leaves"/>.</summary>
    public static Hash32 ComputeRoot(ReadOnlySpan<Hash32> leaves)
    {
        if (leaves.IsEmpty)
        {
            return Hash32.Zero;
        }

        if (leaves.Length == 1)
        {
            return leaves[0];
        }

        Hash32[] scratch = ArrayPool<Hash32>.Shared.Rent((leaves.Length + 1) / 2);
        try
        {
            ReadOnlySpan<Hash32> level = leaves;
            while (level.Length > 1)
            {
                int parents = (level.Length + 1) / 2;
                for (int i = 0; i < parents; i++)
                {
                    int left = 2 * i;
                    scratch[i] = left + 1 < level.Length ? HashPair(level[left], level[left + 1]) : level[left];
                }

                level = scratch.AsSpan(0, parents);
            }

            return level[0];
        }
        finally
        {
            ArrayPool<Hash32>.Shared.Return(scratch);
        }
    }

    /// <summary>SHA-256(left ‖ right), the v1 inner node.</summary>
    public static Hash32 HashPair(Hash32 left, Hash32 right) => Sha256.HashConcat(left.Bytes, right.Bytes);
}
