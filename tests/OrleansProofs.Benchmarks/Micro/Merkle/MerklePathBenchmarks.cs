// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Benchmarks.Micro.Merkle;

/// <summary>
/// Merkle inclusion-path verification at replica sizes (a path costs one node hash per level), with
/// one node hash as the baseline so the result reads as "levels".
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Merkle")]
public class MerklePathBenchmarks
{
    private Hash32[] _leaves = [];
    private Hash32[] _path = [];
    private Hash32 _root;
    private int _index;

    [Params(256, 65_536)]
    public int Leaves { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _leaves = Enumerable.Range(0, Leaves).Select(i => Sha256.Hash(BitConverter.GetBytes(i))).ToArray();
        _root = MerkleTree.ComputeRoot(_leaves);
        _index = new Random(Leaves).Next(Leaves);
        _path = MerkleTree.BuildPath(_leaves, _index);
    }

    [Benchmark(Baseline = true)]
    public Hash32 NodeHash() => MerkleTree.HashNode(_leaves[0], _leaves[1]);

    [Benchmark]
    public bool VerifyPath() => MerkleTree.VerifyPath(_leaves[_index], _index, Leaves, _path, _root);
}
