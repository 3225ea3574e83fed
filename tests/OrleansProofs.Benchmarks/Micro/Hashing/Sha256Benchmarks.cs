// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Benchmarks.Micro.Hashing;

/// <summary>
/// SHA-256 at the protocol's message sizes: the BCL one-shot (baseline) against the native
/// low-level path, so the speed-up is a ratio measured in one run.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Hashing")]
public class Sha256Benchmarks
{
    private byte[] _data = [];

    [Params(64, 77, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(Size).NextBytes(_data);
    }

    [Benchmark(Baseline = true)]
    public Hash32 Bcl() => Sha256.HashManaged(_data);

    [Benchmark]
    public Hash32 Native() => Sha256.HashNative(_data);

    [Benchmark]
    public Hash32 LeafTagged() => TaggedHash.Compute(DomainTags.Leaf, _data);
}
