// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// Verifies the prover's per-block step over a real encoded replica file: records it produces pass
/// the chain verifier with possession evidence read back from the file, and a replica that lost its
/// bytes cannot produce them.
/// </summary>
public sealed class ChainStepTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("posc-chainstep-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RecordsFromARealReplica_VerifyWithPossession()
    {
        (ChainHeader header, string replicaPath) = Register(chunks: 9, tail: 123);
        ConsensusParameters parameters = ConsensusParameters.Dev;
        Dictionary<ulong, BlockData> blocks = [];
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence = [];
        List<ChainRecord> records = [];
        Hash32 previous = header.AnchoredCommitment;
        using (ChunkStore store = ChunkStore.Open(replicaPath))
        using (ReplicaLeafFile leaves = ReplicaLeafFile.Open(ReplicaLeafFile.PathFor(replicaPath)))
        {
            for (ulong height = header.FirstHeight; height < header.FirstHeight + 5; height++)
            {
                BlockData block = new(Sha256.Hash(BitConverter.GetBytes(height)), null);
                blocks[height] = block;
                ChainRecord record = ChainStep.Commit(header, previous, height, block.BlockHash, block.EntropyAt(height), parameters.ChunksPerBlock, store);
                records.Add(record);
                previous = record.Commitment;
                evidence[height] = record.Indices.Select(i =>
                {
                    byte[] chunk = new byte[ProtocolConstants.ChunkSize];
                    store.ReadChunk((long)i, chunk);
                    return new ChunkEvidence(i, chunk, [.. leaves.BuildPath((long)i)]);
                }).ToList();
            }
        }

        ChainVerificationResult result = ChainVerifier.Verify(header, parameters, blocks, records, evidence);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(5, result.VerifiedCommits);

        // The store is disposed: the replica can be deleted at once (handles released).
        File.Delete(replicaPath);
        Assert.False(File.Exists(replicaPath));
    }

    [Fact]
    public void ReplicaWithTheWrongChunkCount_IsRefused()
    {
        (ChainHeader header, _) = Register(chunks: 4, tail: 0);
        (_, string otherReplica) = Register(chunks: 6, tail: 0, name: "other");
        using ChunkStore store = ChunkStore.Open(otherReplica);
        Assert.Throws<ArgumentException>("replica", () =>
            ChainStep.Commit(header, header.AnchoredCommitment, header.FirstHeight, Hash32.Zero, Hash32.Zero, 4, store));
    }

    private (ChainHeader Header, string ReplicaPath) Register(int chunks, int tail, string name = "data")
    {
        string input = Path.Combine(_folder, name + ".bin");
        byte[] data = new byte[chunks * ProtocolConstants.ChunkSize + tail];
        new Random(chunks).NextBytes(data);
        File.WriteAllBytes(input, data);
        using NodeKey key = NodeKey.FromPrivateKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        string replica = Path.Combine(_folder, name + ".replica");
        ReplicaInfo info = ReplicaEncoder.EncodeFile(input, replica, key.PublicKey, workFactor: 4);
        ChainHeader header = ChainHeader.Create(info.DataHash, key.PublicKey, info.ReplicaRoot, (ulong)info.FileLength,
            info.EncodingVersion, info.WorkFactor, 500, Sha256.Hash("anchor"u8));
        return (header, replica);
    }
}
