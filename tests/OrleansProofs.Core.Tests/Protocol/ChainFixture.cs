// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// An honest prover over a seeded random replica: stored chunks, their leaves and root, a header
/// anchored at <see cref="AnchorHeight"/>, public blocks, and the records (access digests over the
/// stored bytes) and possession evidence an honest chain produces. Attack tests start from this and change one thing.
/// </summary>
internal sealed class ChainFixture
{
    public const ulong AnchorHeight = 500;

    public ChainFixture(int chunkCount, int seed = 1, ConsensusParameters? parameters = null)
    {
        Parameters = parameters ?? ConsensusParameters.Standard;
        Random random = new(seed);
        Chunks = new byte[chunkCount][];
        for (int i = 0; i < chunkCount; i++)
        {
            Chunks[i] = new byte[ProtocolConstants.ChunkSize];
            random.NextBytes(Chunks[i]);
        }

        Leaves = Chunks.Select(c => TaggedHash.Compute(DomainTags.Leaf, c)).ToArray();
        byte[] key = new byte[32];
        random.NextBytes(key);
        using NodeKey node = NodeKey.FromPrivateKey(key);
        byte[] data = new byte[32];
        random.NextBytes(data);
        ulong fileLength = (ulong)chunkCount * ProtocolConstants.ChunkSize - 100;
        Header = ChainHeader.Create(new Hash32(data), node.PublicKey, MerkleTree.ComputeRoot(Leaves), fileLength, 1, 64, AnchorHeight, BlockHash(AnchorHeight));
        Blocks = new Dictionary<ulong, BlockData>();
        for (ulong h = AnchorHeight; h <= AnchorHeight + 64; h++)
        {
            Blocks[h] = new BlockData(BlockHash(h), h % 3 == 0 ? BeaconAt(h) : null);
        }
    }

    public ConsensusParameters Parameters { get; }

    public byte[][] Chunks { get; }

    public Hash32[] Leaves { get; }

    public ChainHeader Header { get; }

    public Dictionary<ulong, BlockData> Blocks { get; }

    public static Hash32 BlockHash(ulong height) => Sha256.Hash(BitConverter.GetBytes(height * 7919 + 1));

    public static Hash32 BeaconAt(ulong height) => Sha256.Hash(BitConverter.GetBytes(~height));

    /// <summary>The honest commit record at <paramref name="height"/> linking to <paramref name="previous"/>.</summary>
    public ChainRecord Commit(ulong height, Hash32 previous)
    {
        BlockData block = Blocks[height];
        Hash32 entropy = block.EntropyAt(height);
        Span<ulong> indices = stackalloc ulong[ProtocolConstants.MaxChunksPerBlock];
        int k = ChunkSelector.Select(entropy, Header.ChainId, previous, Header.TotalChunks, Parameters.ChunksPerBlock, indices);
        ImmutableArray<ulong> selected = [.. indices[..k]];
        return ChainRecord.Commit(Header.ChainId, previous, height, block.BlockHash, entropy, selected, Digests(entropy, selected));
    }

    /// <summary>The honest access digests of <paramref name="indices"/> under <paramref name="entropy"/>, over the stored chunks.</summary>
    public ImmutableArray<Hash32> Digests(Hash32 entropy, IEnumerable<ulong> indices) =>
        [.. indices.Select(i => AccessDigest.Compute(entropy, Header.ChainId, i, Chunks[i]))];

    /// <summary>The entropy of the fixture's public block at <paramref name="height"/>.</summary>
    public Hash32 EntropyAt(ulong height) => Blocks[height].EntropyAt(height);

    /// <summary>An honest chain of <paramref name="count"/> records; heights in <paramref name="gapHeights"/> are gaps.</summary>
    public List<ChainRecord> HonestChain(int count, params ulong[] gapHeights)
    {
        List<ChainRecord> records = [];
        Hash32 previous = Header.AnchoredCommitment;
        for (ulong h = Header.FirstHeight; records.Count < count; h++)
        {
            ChainRecord record = gapHeights.Contains(h)
                ? ChainRecord.Gap(Header.ChainId, previous, h, Blocks[h].BlockHash)
                : Commit(h, previous);
            records.Add(record);
            previous = record.Commitment;
        }

        return records;
    }

    /// <summary>Honest possession evidence for every commit record.</summary>
    public Dictionary<ulong, IReadOnlyList<ChunkEvidence>> Evidence(IEnumerable<ChainRecord> records) =>
        records.Where(r => r.Kind == ChainRecordKind.Commit).ToDictionary(
            r => r.Height,
            r => (IReadOnlyList<ChunkEvidence>)r.Indices.Select(i => EvidenceFor(i)).ToList());

    public ChunkEvidence EvidenceFor(ulong index) =>
        new(index, Chunks[index], [.. MerkleTree.BuildPath(Leaves, (long)index)]);

    /// <summary>Asserts a failure with <paramref name="reason"/> at <paramref name="height"/>, on record <paramref name="recordIndex"/>, with a detail.</summary>
    public static void AssertFails(ChainVerificationResult result, ChainFailureReason reason, ulong height, int recordIndex)
    {
        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(height, result.FailureHeight);
        Assert.Equal(recordIndex, result.FailedRecordIndex);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    public ChainVerificationResult Verify(IEnumerable<ChainRecord> records, IReadOnlyDictionary<ulong, IReadOnlyList<ChunkEvidence>>? possession = null) =>
        ChainVerifier.Verify(Header, Parameters, Blocks, records, possession);
}
