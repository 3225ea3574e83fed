// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Tests.Proofs;

namespace OrleansProofs.Cli.Tests.Proofs;

/// <summary>
/// The Core tests' seeded in-memory prover (<see cref="ProvingScenario"/>, linked into this project)
/// under the dev profile, so <c>--profile dev</c> verifies it: one chain over a random replica among
/// other chains, through consecutive blocks with a beacon, one of them missed (a gap). The four
/// proofs, the block table and the registration are written into a temporary folder the CLI reads.
/// </summary>
public sealed class ProofFixture : IDisposable
{
    public const ulong AnchorHeight = 1_000;
    public const int BlockCount = 10;
    public const int GapBlock = 7;
    public const int ChunkCount = 16;
    public const int OtherChains = 5;

    private readonly ProvingScenario _scenario =
        ProvingScenario.Run(ConsensusParameters.Dev, ChunkCount, BlockCount, OtherChains, seed: 11, gapBlocks: new HashSet<int> { GapBlock }, beacon: true);

    public ProofFixture()
    {
        for (ulong height = AnchorHeight + 1; height <= AnchorHeight + BlockCount; height++)
        {
            Blocks.Add(height, _scenario.Blocks.Get(height)!);
        }

        Nonce = AuditorNonce.Parse("a1a2a3a4a5a6a7a8a9aaabac");
        Folder = new TempFolder();
        CompactFile = Write("compact.proof", BuildCompact().Encode());
        PathFile = Write("path.proof", BuildPathProof().Encode());
        FullFile = Write("full.proof", BuildFull().Encode());
        ClaimFile = Write("ultra.claim", BuildClaim(Nonce).Encode());
        BlocksFile = WriteText("blocks.txt", BlockTable(Blocks.Values));
        RegistrationFile = WriteText("registration.json", Cli.Proofs.RegistrationFile.ToJson(ChainRegistration.From(Header)));
    }

    public static ConsensusParameters Parameters => ConsensusParameters.Dev;

    public NodeKey Key => _scenario.Key;

    public ChainHeader Header => _scenario.Header;

    public SortedDictionary<ulong, PublicBlock> Blocks { get; } = [];

    public List<ChainRecord> Records => _scenario.Records;

    public ulong LastHeight => _scenario.LastHeight;

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

    public HierarchyPath PathAt(ulong height) => _scenario.PathAt(height);

    public PathProof BuildPathProof() => _scenario.BuildPathProof();

    public CompactProof BuildCompact() => _scenario.BuildCompact();

    public FullProof BuildFull() => _scenario.BuildFull();

    public UltraCompactClaim BuildClaim(AuditorNonce nonce) => _scenario.BuildClaim(nonce);

    public BlockAttestation AttestationAt(ulong height) => _scenario.AttestationAt(height);

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

    public void Dispose()
    {
        _scenario.Dispose();
        Folder.Dispose();
    }
}
