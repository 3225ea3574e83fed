// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Running;
using OrleansProofs.Benchmarks.Budget;
using OrleansProofs.Benchmarks.Micro.Proofs;
using OrleansProofs.Benchmarks.Micro.Vdf;
using OrleansProofs.Benchmarks.Scale;

namespace OrleansProofs.Benchmarks;

/// <summary>
/// Entry point. Runners are chosen by name; anything else goes to BenchmarkDotNet's switcher:
/// <c>budget</c> checks the allocation budgets (fast, used by CI);
/// <c>scale --chains N --blocks B</c> drives blocks through the real embedded node (see <see cref="ScaleRunner"/>);
/// <c>verify [groups]</c> measures proof verification throughput with and without the verification caches;
/// <c>vdf [mib] [seconds] [samples] [rounds]</c> measures VDF rate and verification/evaluation ratio at production size;
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

        if (args.Length > 0 && args[0] == "vdf")
        {
            return VdfRatioRunner.Run(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == "verify")
        {
            return VerificationThroughputRunner.Run(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == "scale")
        {
            return ScaleRunner.Run(args[1..], Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
        return 0;
    }
}
