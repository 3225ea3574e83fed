// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Benchmarks.Micro.Hierarchy;

/// <summary>
/// One block's hierarchy at 100,000 chains (100 groups of 1,000, 10 regions): the full build with
/// the default iterations against the same build with no iterations (baseline: leaves, sorting and
/// Merkle trees only) and against the iterations alone (100×1,000 + 10×5,000 + 10,000 = 160,000
/// steps), so the share of each part is a ratio from one run. Also one path verification.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Hierarchy")]
public class BlockHierarchyBenchmarks
{
    private const int Chains = 100_000;
    private static readonly HierarchyParameters NoIterations = new(1_000, 10, 0, 0, 0);

    private ChainEntry[] _chains = [];
    private Hash32 _blockHash;
    private HierarchyPath _path = null!;
    private Hash32 _globalRoot;

    [GlobalSetup]
    public void Setup()
    {
        Random random = new(100_000);
        byte[] bytes = new byte[64];
        _chains = new ChainEntry[Chains];
        for (int i = 0; i < Chains; i++)
        {
            random.NextBytes(bytes);
            _chains[i] = new ChainEntry(new Hash32(bytes.AsSpan(0, 32)), (uint)(i / 1_000), new Hash32(bytes.AsSpan(32, 32)));
        }

        random.Shuffle(_chains);
        _blockHash = Sha256.Hash("block"u8);
        BlockHierarchy block = BlockHierarchy.Build(1, _blockHash, Hash32.Zero, _chains, HierarchyParameters.Default);
        _path = block.GetPath(_chains[12_345].ChainId);
        _globalRoot = block.GlobalRoot;
    }

    [Benchmark(Baseline = true)]
    public Hash32 BuildWithoutIterations() => BlockHierarchy.Build(1, _blockHash, Hash32.Zero, _chains, NoIterations).GlobalRoot;

    [Benchmark]
    public Hash32 BuildDefault() => BlockHierarchy.Build(1, _blockHash, Hash32.Zero, _chains, HierarchyParameters.Default).GlobalRoot;

    [Benchmark]
    public Hash32 IterationsOnly()
    {
        Hash32 x = _blockHash;
        for (int g = 0; g < 100; g++)
        {
            x = IteratedHash.Compute(x, HierarchyParameters.DefaultGroupIterations);
        }

        for (int r = 0; r < 10; r++)
        {
            x = IteratedHash.Compute(x, HierarchyParameters.DefaultRegionIterations);
        }

        return IteratedHash.Compute(x, HierarchyParameters.DefaultGlobalIterations);
    }

    [Benchmark]
    public bool VerifyPath() =>
        HierarchyPathVerifier.Verify(_path, _chains[12_345].ChainId, 1, _chains[12_345].Commitment, _globalRoot).IsValid;
}
