// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Benchmarks.Budget;

/// <summary>
/// The hot per-block paths and their budgets (0 B: they run for every chain at every block), one
/// file per Core area so each area's owner adds its cases without touching the others.
/// </summary>
public static partial class BudgetCases
{
    /// <summary>A seeded 4 KiB chunk.</summary>
    private static readonly byte[] Chunk = Seeded(4096);

    /// <summary>A seeded 64-byte message.</summary>
    private static readonly byte[] Message = Seeded(64);

    /// <summary>1,000 distinct leaves.</summary>
    private static readonly Hash32[] Leaves = Enumerable.Range(0, 1000).Select(i => Sha256.Hash(BitConverter.GetBytes(i))).ToArray();

    /// <summary>Every case, area by area.</summary>
    public static IEnumerable<BudgetCase> All() =>
        HashingCases().Concat(ProtocolCases()).Concat(HierarchyCases()).Concat(StorageCases()).Concat(VdfCases());

    private static byte[] Seeded(int length)
    {
        byte[] bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
