// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Tests.Proofs;

namespace OrleansProofs.Benchmarks.Micro.Proofs;

/// <summary>
/// Verifying each proof format under the standard profile for a chain in a 100,000-chain network,
/// from the encoded bytes (decode included), as a verifier receives them. The path proof is the
/// baseline: every format pays its hierarchy recomputation (16,000 iterated hashes) and signature check.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Proofs")]
public class ProofVerificationBenchmarks
{
    private ProvingScenario? _scenario;
    private byte[] _path = [];
    private byte[] _compact = [];
    private byte[] _full = [];
    private ProofVerificationContext? _context;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ProvingScenario.Run(ConsensusParameters.Standard, chunkCount: 64, blocks: 8, otherChains: 99_999);
        _path = _scenario.BuildPathProof().Encode();
        _compact = _scenario.BuildCompact().Encode();
        _full = _scenario.BuildFull().Encode();
        _context = _scenario.Context;
    }

    [GlobalCleanup]
    public void Cleanup() => _scenario?.Dispose();

    [Benchmark(Baseline = true)]
    public bool Path() => ProofVerifier.Verify(ProofFormat.Path, _path, _context!).IsValid;

    [Benchmark]
    public bool Compact() => ProofVerifier.Verify(ProofFormat.Compact, _compact, _context!).IsValid;

    [Benchmark]
    public bool Full() => ProofVerifier.Verify(ProofFormat.Full, _full, _context!).IsValid;
}
