// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Running;
using OrleansProofs.Benchmarks.Budget;

namespace OrleansProofs.Benchmarks;

/// <summary>
/// Entry point. Runners are chosen by name; anything else goes to BenchmarkDotNet's switcher:
/// <c>budget</c> checks the allocation budgets (fast, used by CI);
/// otherwise e.g. <c>--filter *Sha256*</c> runs micro-benchmarks.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "budget")
        {
            return AllocationBudget.Run(Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
        return 0;
    }
}
