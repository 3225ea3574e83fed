// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Tests.Hierarchy;

/// <summary>Network shapes shared by the hierarchy tests, including the documented vector network.</summary>
internal static class HierarchyNetworks
{
    /// <summary>Small iteration counts: the structure under test is the same, the runs are fast.</summary>
    internal static readonly HierarchyParameters Fast = new(1_000, 10, 2, 3, 4);

    internal static readonly Hash32 BlockHash = Filled(0xbb);

    internal static Hash32 Filled(byte value)
    {
        byte[] bytes = new byte[32];
        Array.Fill(bytes, value);
        return new Hash32(bytes);
    }

    /// <summary><paramref name="count"/> chains filled into groups in assignment order (group = i / capacity).</summary>
    internal static ChainEntry[] Sequential(int count, int capacity, int salt = 0) =>
        Enumerable.Range(0, count)
            .Select(i => new ChainEntry(
                Sha256.Hash(BitConverter.GetBytes((long)i + ((long)salt << 32))),
                (uint)(i / capacity),
                Sha256.Hash(BitConverter.GetBytes(~((long)i + ((long)salt << 32))))))
            .ToArray();

    /// <summary>Chains spread over the given group ids with the given member counts.</summary>
    internal static ChainEntry[] Uneven(params (uint GroupId, int Count)[] groups)
    {
        List<ChainEntry> chains = [];
        int n = 0;
        foreach ((uint groupId, int count) in groups)
        {
            for (int i = 0; i < count; i++, n++)
            {
                chains.Add(new ChainEntry(Sha256.Hash(BitConverter.GetBytes(n * 31 + 7)), groupId, Sha256.Hash(BitConverter.GetBytes(n))));
            }
        }

        return [.. chains];
    }

    /// <summary>
    /// The docs/protocol.md §5 vector network: chains 0x01…01 to 0x05…05 (commitment
    /// 0xa1… to 0xa5…) in groups 0, 0, 1, 2, 2 with 2 chains per group and 2 groups per region,
    /// height 100, block hash 0xbb…, first block (previous root zero), default iterations.
    /// </summary>
    internal static readonly HierarchyParameters VectorParameters = new(2, 2, 1_000, 5_000, 10_000);

    internal static ChainEntry[] VectorChains() =>
    [
        new(Filled(0x05), 2, Filled(0xa5)),
        new(Filled(0x03), 1, Filled(0xa3)),
        new(Filled(0x01), 0, Filled(0xa1)),
        new(Filled(0x04), 2, Filled(0xa4)),
        new(Filled(0x02), 0, Filled(0xa2)),
    ];

    internal static BlockHierarchy VectorBlock() =>
        BlockHierarchy.Build(100, BlockHash, Hash32.Zero, VectorChains(), VectorParameters);
}
