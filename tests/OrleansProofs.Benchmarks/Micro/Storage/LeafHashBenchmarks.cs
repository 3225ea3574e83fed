// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Benchmarks.Micro.Storage;

/// <summary>
/// Leaf hashing of one 4,096-byte stored chunk (the per-block work of every chain), through the
/// native fast path (baseline) and the BCL; the docs turn the mean into GB/s (4,096 B / mean).
/// Also the data hash of a 1 MiB buffer, i.e. the streaming rate of registration.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Storage")]
public class LeafHashBenchmarks
{
    private readonly byte[] _chunk = new byte[ChunkLayout.ChunkSize];
    private readonly byte[] _mebibyte = new byte[1 << 20];

    [GlobalSetup]
    public void Setup()
    {
        new Random(4096).NextBytes(_chunk);
        new Random(1).NextBytes(_mebibyte);
    }

    [Benchmark(Baseline = true)]
    public Hash32 LeafHash() => ReplicaCodec.LeafHash(_chunk);

    [Benchmark]
    public Hash32 LeafHashBcl() => Sha256.HashManaged([12, .. "posc/v1/leaf"u8], _chunk);

    [Benchmark(OperationsPerInvoke = 256)]
    public Hash32 DataHashPer4KiB() => DataHash.Compute(_mebibyte);
}
