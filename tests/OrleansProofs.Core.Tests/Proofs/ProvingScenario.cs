// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Proofs;

/// <summary>
/// A prover run end to end in memory: one chain over a random replica plus other chains with random
/// commitments, driven through consecutive blocks with the real selection, access digests,
/// commitments, hierarchy and signed attestations — the inputs every proof test builds from.
/// </summary>
internal sealed class ProvingScenario : IReplicaOpener, IDisposable
{
    private readonly Dictionary<ulong, (BlockHierarchy Hierarchy, BlockAttestation Attestation, byte[] Signature)> _blocks = [];

    private ProvingScenario(NodeKey key, ConsensusParameters parameters, byte[][] chunks, ChainHeader header)
    {
        Key = key;
        Parameters = parameters;
        Chunks = chunks;
        Leaves = chunks.Select(c => TaggedHash.Compute(DomainTags.Leaf, c)).ToArray();
        Header = header;
    }

    public NodeKey Key { get; }

    public ConsensusParameters Parameters { get; }

    public byte[][] Chunks { get; }

    public Hash32[] Leaves { get; }

    public ChainHeader Header { get; }

    public PublicBlockTable Blocks { get; } = new();

    public List<ChainRecord> Records { get; } = [];

    public ulong LastHeight => Records[^1].Height;

    /// <summary>Small hierarchy, few iterations: fast enough to verify thousands of tampered proofs.</summary>
    public static ConsensusParameters FastParameters { get; } = ConsensusParameters.Dev with
    {
        ChunksPerBlock = 2,
        ProofWindowBlocks = 4,
        ChainsPerGroup = 4,
        GroupsPerRegion = 2,
        GroupIterations = 3,
        RegionIterations = 5,
        GlobalIterations = 7,
    };

    /// <summary>Runs <paramref name="blocks"/> blocks after the anchor; <paramref name="gapBlocks"/> (1-based block numbers) are blocks the chain misses.</summary>
    public static ProvingScenario Run(
        ConsensusParameters parameters, int chunkCount, int blocks, int otherChains, int seed = 1, ISet<int>? gapBlocks = null, bool beacon = false)
    {
        Random random = new(seed);
        byte[][] chunks = Enumerable.Range(0, chunkCount).Select(_ =>
        {
            byte[] chunk = new byte[ProtocolConstants.ChunkSize];
            random.NextBytes(chunk);
            return chunk;
        }).ToArray();
        NodeKey key = NodeKey.FromPrivateKey(RandomBytes(random, 32));
        Hash32 replicaRoot = MerkleTree.ComputeRoot(chunks.Select(c => TaggedHash.Compute(DomainTags.Leaf, c)).ToArray());
        const ulong anchorHeight = 1_000;
        ChainHeader header = ChainHeader.Create(
            new Hash32(RandomBytes(random, 32)), key.PublicKey, replicaRoot, (ulong)chunkCount * ProtocolConstants.ChunkSize,
            parameters.ReplicaEncodingVersion, parameters.ReplicaWorkFactor, anchorHeight, new Hash32(RandomBytes(random, 32)));
        ProvingScenario scenario = new(key, parameters, chunks, header);

        Hash32[] others = Enumerable.Range(0, otherChains).Select(_ => new Hash32(RandomBytes(random, 32))).ToArray();
        scenario.OtherChains = others;
        int ourSlot = random.Next(otherChains + 1);
        Hash32 previousGlobal = Hash32.Zero;
        Hash32 previous = header.AnchoredCommitment;
        ulong[] indices = new ulong[ProtocolConstants.MaxChunksPerBlock];
        for (int b = 1; b <= blocks; b++)
        {
            ulong height = anchorHeight + (ulong)b;
            PublicBlock block = new(height, new Hash32(RandomBytes(random, 32)), beacon ? new Hash32(RandomBytes(random, 32)) : null, 1_700_000_000UL + height * 16);
            scenario.Blocks.Add(block);

            ChainRecord record;
            if (gapBlocks?.Contains(b) == true)
            {
                record = ChainRecord.Gap(header.ChainId, previous, height, block.BlockHash);
            }
            else
            {
                Hash32 entropy = block.Entropy;
                int k = ChunkSelector.Select(entropy, header.ChainId, previous, header.TotalChunks, parameters.ChunksPerBlock, indices);
                Hash32[] digests = indices[..k].Select(i => AccessDigest.Compute(entropy, header.ChainId, i, chunks[i])).ToArray();
                record = ChainRecord.Commit(header.ChainId, previous, height, block.BlockHash, entropy, [.. indices[..k]], [.. digests]);
            }

            scenario.Records.Add(record);
            previous = record.Commitment;

            List<ChainEntry> entries = new(otherChains + 1);
            for (int i = 0, slot = 0; i <= otherChains; i++, slot++)
            {
                uint group = (uint)(slot / parameters.ChainsPerGroup);
                entries.Add(i == ourSlot
                    ? new ChainEntry(header.ChainId, group, record.Commitment)
                    : new ChainEntry(others[i < ourSlot ? i : i - 1], group, OtherCommitment(others[i < ourSlot ? i : i - 1], height)));
            }

            BlockHierarchy hierarchy = BlockHierarchy.Build(height, block.BlockHash, previousGlobal, entries.ToArray(), parameters.ToHierarchyParameters());
            previousGlobal = hierarchy.GlobalRoot;
            BlockAttestation attestation = new(height, block.BlockHash, hierarchy.GlobalRoot, hierarchy.TotalChains,
                block.Timestamp!.Value, (ulong)b * 1_000_000, Sha256.Hash(BitConverter.GetBytes(height)));
            scenario._blocks[height] = (hierarchy, attestation, attestation.Sign(key));
        }

        return scenario;
    }

    public ProofVerificationContext Context => new(Key.PublicKey, Parameters, Blocks) { RegisteredChain = Header };

    public IReadOnlyList<ChainRecord> Window(int blocks) => Records.TakeLast(blocks).ToList();

    public HierarchyPath PathAt(ulong height) => _blocks[height].Hierarchy.GetPath(Header.ChainId);

    /// <summary>The chains besides the proven one (synthetic: a commitment per block, no records).</summary>
    public Hash32[] OtherChains { get; private set; } = [];

    /// <summary>The commitment an other chain has at <paramref name="height"/>.</summary>
    public static Hash32 OtherCommitment(in Hash32 chainId, ulong height) => Sha256.HashConcat(chainId.Bytes, BitConverter.GetBytes(height));

    /// <summary>The whole hierarchy of the block at <paramref name="height"/>.</summary>
    public BlockHierarchy HierarchyAt(ulong height) => _blocks[height].Hierarchy;

    public BlockAttestation AttestationAt(ulong height) => _blocks[height].Attestation;

    public byte[] SignatureAt(ulong height) => _blocks[height].Signature;

    public PathProof BuildPathProof() =>
        ProofBuilder.BuildPath(Records[^1], Header.ChainId, PathAt(LastHeight), AttestationAt(LastHeight), SignatureAt(LastHeight));

    public CompactProof BuildCompact(int? window = null) =>
        ProofBuilder.BuildCompact(Header, Window(window ?? Parameters.ProofWindowBlocks), PathAt(LastHeight), AttestationAt(LastHeight), SignatureAt(LastHeight));

    public FullProof BuildFull(int? window = null) =>
        ProofBuilder.BuildFull(Header, Window(window ?? Parameters.ProofWindowBlocks), PathAt(LastHeight), AttestationAt(LastHeight), SignatureAt(LastHeight), this);

    public UltraCompactClaim BuildClaim(AuditorNonce nonce) =>
        ProofBuilder.BuildUltraCompact(Header, Records[^1], PathAt(LastHeight), AttestationAt(LastHeight), nonce);

    public void ReadChunk(ulong index, Span<byte> destination) => Chunks[index].CopyTo(destination);

    public Hash32[] GetPath(ulong index) => MerkleTree.BuildPath(Leaves, (long)index);

    public void Dispose() => Key.Dispose();

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
