// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Benchmarks.Budget;

/// <summary>A batch of VDF iterations over a small buffer (allocation does not depend on its size).</summary>
public static partial class BudgetCases
{
    private static IEnumerable<BudgetCase> VdfCases()
    {
        VdfBuffer vdfBuffer = VdfBuffer.Create(Sha256.Hash("budget"u8), VdfBuffer.MinBytes);
        Hash32 vdfState = VdfFunction.InitialState(vdfBuffer.Seed);
        ulong vdfIteration = 0;
        yield return new("vdf 64 iterations (64 KiB buffer)", 0, () =>
        {
            vdfState = VdfFunction.Iterate(vdfBuffer, vdfState, vdfIteration, 64);
            vdfIteration += 64;
        });
    }
}
