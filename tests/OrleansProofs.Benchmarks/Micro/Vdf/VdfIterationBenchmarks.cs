// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Benchmarks.Micro.Vdf;

/// <summary>
/// VDF iteration throughput at the dev (4 MiB) and production (256 MiB) buffer sizes. The baseline is
/// the same 180-byte SHA-256 without the buffer read, so the ratio is the cost of the data-dependent
/// memory access. Each invocation runs <see cref="Batch"/> iterations; times are per iteration.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Vdf")]
public class VdfIterationBenchmarks
{
    private const int Batch = 16_384;

    private VdfBuffer _buffer = null!;
    private Hash32 _state;
    private ulong _iteration;
    private readonly byte[] _message = new byte[180];

    [Params(4, 256)]
    public int BufferMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _buffer = VdfBuffer.Create(Sha256.Hash("bench"u8), (long)BufferMiB << 20);
        _state = VdfFunction.InitialState(_buffer.Seed);
        new Random(180).NextBytes(_message);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public Hash32 Sha256StepMessageOnly()
    {
        Span<byte> digest = stackalloc byte[32];
        for (int i = 0; i < Batch; i++)
        {
            Sha256.Hash(_message, digest);
            digest.CopyTo(_message);
        }

        return new Hash32(digest);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public Hash32 Iterate()
    {
        _state = VdfFunction.Iterate(_buffer, _state, _iteration, Batch);
        _iteration += Batch;
        return _state;
    }
}
