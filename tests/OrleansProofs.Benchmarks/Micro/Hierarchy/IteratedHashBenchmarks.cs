// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Benchmarks.Micro.Hierarchy;

/// <summary>
/// The hierarchy's iterated hash at the group's 1,000 steps: the portable path (one tagged SHA-256
/// through Init/Update/Final per step, baseline) against the single-block compression path.
/// Steps per second = 1,000 / mean.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Hierarchy")]
public class IteratedHashBenchmarks
{
    private const int Steps = 1_000;
    private Hash32 _seed;

    [GlobalSetup]
    public void Setup() => _seed = Sha256.Hash("iterated-hash-benchmark"u8);

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public Hash32 Portable() => IteratedHash.ComputePortable(_seed, Steps);

    [Benchmark(OperationsPerInvoke = Steps)]
    public Hash32 Block() => IteratedHash.ComputeBlock(_seed, Steps);
}
