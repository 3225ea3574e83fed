// SPDX-License-Identifier: MIT

namespace OrleansProofs.Benchmarks.Budget;

/// <summary>
/// Checks the per-operation allocation budget of every hot per-block path, in process and in
/// seconds: each case runs warm-up iterations, then <see cref="Iterations"/> measured ones, and the
/// bytes allocated on the thread are divided by the count. CI runs this; a regression fails the run.
/// BenchmarkDotNet's <c>[MemoryDiagnoser]</c> reports the same numbers in the full runs.
/// </summary>
public static class AllocationBudget
{
    private const int Iterations = 2_000;

    public static int Run(TextWriter output)
    {
        int failures = 0;
        foreach (BudgetCase budgetCase in BudgetCases.All())
        {
            for (int i = 0; i < 50; i++)
            {
                budgetCase.Operation();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Iterations; i++)
            {
                budgetCase.Operation();
            }

            long perOperation = (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations;
            bool ok = perOperation <= budgetCase.BudgetBytes;
            failures += ok ? 0 : 1;
            output.WriteLine($"{(ok ? "ok  " : "FAIL")} {budgetCase.Name,-40} {perOperation,6} B/op (budget {budgetCase.BudgetBytes} B)");
        }

        output.WriteLine(failures == 0 ? "allocation budgets: all within budget" : $"allocation budgets: {failures} over budget");
        return failures == 0 ? 0 : 1;
    }
}

/// <summary>One checked hot path and its budget in bytes per operation.</summary>
public sealed record BudgetCase(string Name, long BudgetBytes, Action Operation);
