// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Benchmarks.Micro.Vdf;

/// <summary>
/// Verification against evaluation on a 4 MiB buffer: evaluation (baseline, buffer fill included)
/// against sampled verification (rebuild of the buffer included) with the standard shape of
/// 4,096 segments and 160 samples. The ratio column is the verifier's share of the prover's cost.
/// The 256 MiB, 40-second figure comes from the <c>vdf</c> runner (<see cref="VdfRatioRunner"/>).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Vdf")]
public class VdfVerificationBenchmarks
{
    private const long BufferBytes = 4L << 20;
    private const int Segments = 4096;
    private const ulong Interval = 256;
    private const int Samples = 160;

    private readonly Hash32 _seed = Sha256.Hash("verify bench"u8);
    private VdfProof _proof = null!;

    [GlobalSetup]
    public void Setup() => _proof = VdfEvaluator.Evaluate(VdfBuffer.Create(_seed, BufferBytes), Segments * Interval, Interval);

    [Benchmark(Baseline = true)]
    public VdfProof Evaluate() => VdfEvaluator.Evaluate(VdfBuffer.Create(_seed, BufferBytes), Segments * Interval, Interval);

    [Benchmark]
    public bool Verify() => VdfVerifier.Verify(_proof, new VdfVerificationPolicy(BufferBytes, Samples)).IsValid;
}
