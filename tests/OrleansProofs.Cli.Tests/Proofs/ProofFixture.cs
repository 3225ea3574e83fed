// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Tests.Proofs;

/// <summary>
/// A prover run end to end in memory under the dev profile (so <c>--profile dev</c> verifies it): one
/// chain over a random replica among other chains with random commitments, through consecutive
/// blocks with the real chunk selection, access digests, commitments, hierarchy and signed block
/// attestations; one block is missed (a gap). The four proofs, the block table and the registration
/// are written into a temporary folder the CLI reads. Adapted from the Core tests' ProvingScenario.
/// </summary>
public sealed class ProofFixture : IReplicaOpener, IDisposable
{
    public const ulong AnchorHeight = 1_000;
    public const int BlockCount = 10;
    public const int GapBlock = 7;
    public const int ChunkCount = 16;
    public const int OtherChains = 5;

    private readonly Dictionary<ulong, (BlockHierarchy Hierarchy, BlockAttestation Attestation, byte[] Signature)> _blocks = [];
    private readonly byte[][] _chunks;
    private readonly Hash32[] _leaves;

    public ProofFixture()
    {
        Random random = new(11);
        _chunks = Enumerable.Range(0, ChunkCount).Select(_ => RandomBytes(random, ProtocolConstants.ChunkSize)).ToArray();
        _leaves = _chunks.Select(c => TaggedHash.Compute(DomainTags.Leaf, c)).ToArray();
        Key = NodeKey.FromPrivateKey(RandomBytes(random, 32));
        Header = ChainHeader.Create(
            new Hash32(RandomBytes(random, 32)), Key.PublicKey, MerkleTree.ComputeRoot(_leaves), (ulong)ChunkCount * ProtocolConstants.ChunkSize,
            Parameters.ReplicaEncodingVersion, Parameters.ReplicaWorkFactor, AnchorHeight, new Hash32(RandomBytes(random, 32)));

        Hash32[] others = Enumerable.Range(0, OtherChains).Select(_ => new Hash32(RandomBytes(random, 32))).ToArray();
        Hash32 previousGlobal = Hash32.Zero;
        Hash32 previous = Header.AnchoredCommitment;
        ulong[] indices = new ulong[ProtocolConstants.MaxChunksPerBlock];
        for (int b = 1; b <= BlockCount; b++)
        {
            ulong height = AnchorHeight + (ulong)b;
            PublicBlock block = new(height, new Hash32(RandomBytes(random, 32)), new Hash32(RandomBytes(random, 32)), 1_700_000_000UL + height * 2);
            Blocks.Add(height, block);

            ChainRecord record;
            if (b == GapBlock)
            {
                record = ChainRecord.Gap(Header.ChainId, previous, height, block.BlockHash);
            }
            else
            {
                Hash32 entropy = block.Entropy;
                int k = ChunkSelector.Select(entropy, Header.ChainId, previous, Header.TotalChunks, Parameters.ChunksPerBlock, indices);
                Hash32[] digests = indices[..k].Select(i => AccessDigest.Compute(entropy, Header.ChainId, i, _chunks[i])).ToArray();
                record = ChainRecord.Commit(Header.ChainId, previous, height, block.BlockHash, entropy, [.. indices[..k]], [.. digests]);
            }

            Records.Add(record);
            previous = record.Commitment;

            List<ChainEntry> entries = [new ChainEntry(Header.ChainId, 0, record.Commitment)];
            entries.AddRange(others.Select((other, i) => new ChainEntry(other, (uint)(i % 2), Sha256.HashConcat(other.Bytes, BitConverter.GetBytes(height)))));
            BlockHierarchy hierarchy = BlockHierarchy.Build(height, block.BlockHash, previousGlobal, [.. entries], Parameters.ToHierarchyParameters());
            previousGlobal = hierarchy.GlobalRoot;
            BlockAttestation attestation = new(height, block.BlockHash, hierarchy.GlobalRoot, hierarchy.TotalChains,
                block.Timestamp!.Value, (ulong)b * 10_000, Sha256.Hash(BitConverter.GetBytes(height)));
            _blocks[height] = (hierarchy, attestation, attestation.Sign(Key));
        }

        Nonce = new AuditorNonce(RandomBytes(random, AuditorNonce.Size));
        Folder = new TempFolder();
        CompactFile = Write("compact.proof", BuildCompact().Encode());
        PathFile = Write("path.proof", BuildPathProof().Encode());
        FullFile = Write("full.proof", BuildFull().Encode());
        ClaimFile = Write("ultra.claim", BuildClaim(Nonce).Encode());
        BlocksFile = Folder.File("blocks.txt");
        File.WriteAllText(BlocksFile, BlockTable(Blocks.Values));
        RegistrationFile = Folder.File("registration.json");
        File.WriteAllText(RegistrationFile, Cli.Proofs.RegistrationFile.ToJson(ChainRegistration.From(Header)));
    }

    public static ConsensusParameters Parameters => ConsensusParameters.Dev;

    public NodeKey Key { get; }

    public ChainHeader Header { get; }

    public SortedDictionary<ulong, PublicBlock> Blocks { get; } = [];

    public List<ChainRecord> Records { get; } = [];

    public ulong LastHeight => Records[^1].Height;

    public AuditorNonce Nonce { get; }

    internal TempFolder Folder { get; }

    public string CompactFile { get; }

    public string PathFile { get; }

    public string FullFile { get; }

    public string ClaimFile { get; }

    public string BlocksFile { get; }

    public string RegistrationFile { get; }

    public string PublicKeyHex => Key.PublicKey.ToString();

    /// <summary>The text block table: <c>height hash timestamp beacon</c>, with a comment and a blank line.</summary>
    public static string BlockTable(IEnumerable<PublicBlock> blocks)
    {
        StringBuilder text = new("# height blockHash timestamp beacon\n\n");
        foreach (PublicBlock block in blocks)
        {
            text.Append(CultureInfo.InvariantCulture, $"{block.Height} {block.BlockHash} {block.Timestamp} {block.Beacon}\n");
        }

        return text.ToString();
    }

    public HierarchyPath PathAt(ulong height) => _blocks[height].Hierarchy.GetPath(Header.ChainId);

    public PathProof BuildPathProof() =>
        ProofBuilder.BuildPath(Records[^1], Header.ChainId, PathAt(LastHeight), _blocks[LastHeight].Attestation, _blocks[LastHeight].Signature);

    public CompactProof BuildCompact() =>
        ProofBuilder.BuildCompact(Header, Window(), PathAt(LastHeight), _blocks[LastHeight].Attestation, _blocks[LastHeight].Signature);

    public FullProof BuildFull() =>
        ProofBuilder.BuildFull(Header, Window(), PathAt(LastHeight), _blocks[LastHeight].Attestation, _blocks[LastHeight].Signature, this);

    public UltraCompactClaim BuildClaim(AuditorNonce nonce) =>
        ProofBuilder.BuildUltraCompact(Header, Records[^1], PathAt(LastHeight), _blocks[LastHeight].Attestation, nonce);

    public BlockAttestation AttestationAt(ulong height) => _blocks[height].Attestation;

    /// <summary>Writes <paramref name="bytes"/> into the fixture's folder; returns the path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = Folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes text into the fixture's folder; returns the path.</summary>
    public string WriteText(string name, string text)
    {
        string path = Folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void ReadChunk(ulong index, Span<byte> destination) => _chunks[index].CopyTo(destination);

    public Hash32[] GetPath(ulong index) => MerkleTree.BuildPath(_leaves, (long)index);

    public void Dispose()
    {
        Key.Dispose();
        Folder.Dispose();
    }

    private List<ChainRecord> Window() => Records.TakeLast(Parameters.ProofWindowBlocks).ToList();

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
