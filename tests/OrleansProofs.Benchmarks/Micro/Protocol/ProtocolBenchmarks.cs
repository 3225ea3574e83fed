// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Benchmarks.Micro.Protocol;

/// <summary>
/// The per-chain, per-block protocol work: entropy (once per block), chunk selection, one access
/// digest per selected 4 KiB chunk and the access commitment (once per chain), at the standard
/// (k = 4) and enhanced (k = 16) profiles. The baseline is one SHA-256 of a 64-byte message, so each
/// figure reads as "costs N hashes"; the leaf hash of a 4 KiB chunk is the reference for the digest.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Protocol")]
public class ProtocolBenchmarks
{
    private readonly ulong[] _indices = new ulong[ProtocolConstants.MaxChunksPerBlock];
    private readonly byte[] _message = new byte[64];
    private byte[][] _chunks = [];
    private Hash32[] _digests = [];
    private Hash32 _entropy;
    private Hash32 _chainId;
    private Hash32 _previous;
    private Hash32 _blockHash;

    [Params(4, 16)]
    public int ChunksPerBlock { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Random random = new(ChunksPerBlock);
        random.NextBytes(_message);
        _blockHash = Sha256.Hash("block"u8);
        _entropy = BlockEntropy.Compute(_blockHash, null, 1_000);
        _chainId = Sha256.Hash("chain"u8);
        _previous = Sha256.Hash("previous"u8);
        ChunkSelector.Select(_entropy, _chainId, _previous, 1UL << 30, ChunksPerBlock, _indices);
        _chunks = new byte[ChunksPerBlock][];
        for (int i = 0; i < _chunks.Length; i++)
        {
            _chunks[i] = new byte[ProtocolConstants.ChunkSize];
            random.NextBytes(_chunks[i]);
        }

        _digests = [.. _chunks.Select((chunk, i) => AccessDigest.Compute(_entropy, _chainId, _indices[i], chunk))];
    }

    [Benchmark(Baseline = true)]
    public Hash32 Sha256_64B() => Sha256.Hash(_message);

    [Benchmark]
    public Hash32 LeafHash_4KiB() => TaggedHash.Compute(DomainTags.Leaf, _chunks[0]);

    [Benchmark]
    public Hash32 AccessDigest_4KiB() => AccessDigest.Compute(_entropy, _chainId, _indices[0], _chunks[0]);

    [Benchmark]
    public Hash32 Entropy() => BlockEntropy.Compute(_blockHash, _previous, 1_000);

    [Benchmark]
    public int Selection() => ChunkSelector.Select(_entropy, _chainId, _previous, 1UL << 30, ChunksPerBlock, _indices);

    [Benchmark]
    public bool SelectionVerify() => ChunkSelector.Verify(_entropy, _chainId, _previous, 1UL << 30, ChunksPerBlock, _indices.AsSpan(0, ChunksPerBlock));

    [Benchmark]
    public Hash32 Commitment() =>
        AccessCommitment.Compute(_chainId, _previous, 1_000, _blockHash, _entropy, _indices.AsSpan(0, ChunksPerBlock), _digests);

    /// <summary>A chain's whole per-block hashing after the reads: k access digests, then the commitment.</summary>
    [Benchmark]
    public Hash32 DigestsAndCommitment()
    {
        Span<Hash32> digests = stackalloc Hash32[ProtocolConstants.MaxChunksPerBlock];
        for (int i = 0; i < ChunksPerBlock; i++)
        {
            digests[i] = AccessDigest.Compute(_entropy, _chainId, _indices[i], _chunks[i]);
        }

        return AccessCommitment.Compute(_chainId, _previous, 1_000, _blockHash, _entropy, _indices.AsSpan(0, ChunksPerBlock), digests[..ChunksPerBlock]);
    }

    [Benchmark]
    public Hash32 Gap() => GapCommitment.Compute(_chainId, _previous, 1_000, _blockHash);
}
