// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Benchmarks.Micro.Replica;

/// <summary>
/// Cost of encoding one 4,096-byte chunk (pad derivation + XOR) at several work factors, against
/// the leaf hash of the same chunk as the baseline of the same run, so the table reads as "one
/// encoded chunk costs N leaf hashes". Decoding costs the same (XOR is its own inverse).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Replica")]
public class ReplicaEncodingBenchmarks
{
    private readonly byte[] _plain = new byte[ChunkLayout.ChunkSize];
    private readonly byte[] _previous = new byte[ChunkLayout.ChunkSize];
    private readonly byte[] _stored = new byte[ChunkLayout.ChunkSize];
    private ReplicaCodec _codec = null!;

    [Params(0u, 16u, 64u, 256u, 1024u)]
    public uint WorkFactor { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_plain);
        new Random(2).NextBytes(_previous);
        _codec = new ReplicaCodec(new ProverPublicKey(new byte[32]), Sha256.Hash([1]), WorkFactor);
    }

    [Benchmark(Baseline = true)]
    public Hash32 LeafHash() => ReplicaCodec.LeafHash(_plain);

    [Benchmark]
    public void EncodeChunk() => _codec.EncodeChunk(1, _previous, _plain, _stored);
}
