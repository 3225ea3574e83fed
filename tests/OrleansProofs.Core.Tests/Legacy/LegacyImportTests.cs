// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Tests.Legacy;

/// <summary>
/// Verifies <see cref="LegacyImporter"/> on files from <see cref="LegacyHashChainWriter"/>: a verified v1
/// chain becomes a valid <see cref="ChainHeader"/> under the node's key, anchored at the last verified
/// block, whose replica decodes to the original bytes and matches its sidecar and <c>chain.json</c>;
/// chain ids are prover-specific; every refusal (verification failure, data below the profile minimum,
/// zero anchor, data changed after verification) names its reason and leaves nothing behind; an
/// existing import is never overwritten.
/// </summary>
public sealed class LegacyImportTests : IDisposable
{
    private static readonly ConsensusParameters Fast = ConsensusParameters.Standard with { Name = "test", ReplicaWorkFactor = 4, MinimumFileSizeBytes = 1 };

    private readonly LegacyFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    private static NodeKey Node(byte seed) => NodeKey.FromPrivateKey(Enumerable.Repeat(seed, 32).ToArray());

    private string Folder(string name) => Path.Combine(_fixtures.Directory, name);

    private static string[] FilesIn(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFileSystemEntries(folder).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)] : [];

    [Theory]
    [InlineData(1, 0)]                 // one byte, no records: anchored at the v1 initial block
    [InlineData(4096, 0)]
    [InlineData(4 * 4096, 3)]          // exactly four chunks
    [InlineData(5 * 4096 - 1000, 8)]   // short last chunk: the .data padding must not be imported
    [InlineData(25 * 4096 + 3, 20)]    // last chunk of 3 bytes
    public async Task ValidChain_Imports_AsAValidHeaderAnchoredAtTheLastVerifiedBlock_WhoseReplicaDecodesToTheOriginal(int length, int blocks)
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(length, blocks);
        (string hashChain, string data) = _fixtures.Write(writer);
        byte[] original = LegacyFixtures.Data(length);
        using NodeKey node = Node(0x5A);
        string folder = Folder("out");

        LegacyImportResult result = await LegacyImporter.ImportAsync(hashChain, data, node, folder, Fast, CancellationToken.None);

        Assert.True(result.IsImported, result.Refusal?.Message);
        Assert.Null(result.Refusal);
        ChainHeader header = result.Header;

        // The header passes every ChainHeader rule when rebuilt field by field through the checking constructor.
        ChainHeader rebuilt = new(
            header.ChainId,
            header.DataHash,
            header.ProverPublicKey,
            header.ReplicaRoot,
            header.TotalChunks,
            header.FileLength,
            header.EncodingVersion,
            header.WorkFactor,
            header.AnchorHeight,
            header.AnchorBlockHash);
        Assert.Equal(header, rebuilt);

        // Data hash of the original bytes, not of the zero-padded .data file.
        Assert.Equal(DataHash.Compute(original), header.DataHash);
        if (length % 4096 != 0)
        {
            Assert.NotEqual(DataHash.Compute(File.ReadAllBytes(data)), header.DataHash);
        }

        Assert.Equal((ulong)length, header.FileLength);
        Assert.Equal(writer.TotalChunks, header.TotalChunks);
        Assert.Equal(node.PublicKey, header.ProverPublicKey);
        Assert.Equal(ChainId.Compute(DataHash.Compute(original), node.PublicKey), header.ChainId);
        Assert.Equal(ReplicaCodec.EncodingVersion, header.EncodingVersion);
        Assert.Equal(4u, header.WorkFactor);

        // Anchored at the last verified v1 block (the v1 initial block when there are no records).
        Assert.Equal(LegacyFixtures.InitialHeight + (ulong)blocks, header.AnchorHeight);
        Assert.Equal(blocks == 0 ? LegacyFixtures.InitialHash : LegacyFixtures.BlockHash(blocks - 1), header.AnchorBlockHash);
        Assert.Equal(result.Report.LastVerified!.BlockHeight, header.AnchorHeight);
        Assert.Equal(result.Report.LastVerified.BlockHash, header.AnchorBlockHash);

        // The legacy summary.
        LegacyImportBasis legacy = result.Legacy;
        Assert.Equal(blocks, legacy.CommitmentCount);
        Assert.Equal(LegacyFixtures.Key, legacy.PublicKey);
        Assert.Equal(writer.DataHash, legacy.DataHash);
        Assert.Equal(blocks == 0 ? writer.AnchoredCommitment : writer.Records[^1].CommitmentHash, legacy.Tip.Commitment);

        // Exactly the three files, under their documented names.
        Assert.Equal([LegacyImporter.RegistrationFileName, LegacyImporter.ReplicaFileName, LegacyImporter.LeafFileName], FilesIn(folder));
        Assert.Equal(Path.Combine(Path.GetFullPath(folder), "chain.replica"), result.ReplicaPath);
        Assert.Equal(ReplicaLeafFile.PathFor(result.ReplicaPath), result.LeafFilePath);

        // The replica decodes back to the original bytes exactly.
        ReplicaInfo info = new(header.DataHash, header.ReplicaRoot, (long)header.TotalChunks, (long)header.FileLength, header.EncodingVersion, header.WorkFactor);
        string decoded = Path.Combine(_fixtures.Directory, "decoded.bin");
        ReplicaDecoder.DecodeFile(result.ReplicaPath, decoded, node.PublicKey, info);
        Assert.Equal(original, File.ReadAllBytes(decoded));

        // The replica's leaves give the header's root, and so does the sidecar.
        byte[] replica = File.ReadAllBytes(result.ReplicaPath);
        Assert.Equal((long)header.TotalChunks * 4096, replica.Length);
        Hash32[] leaves = [.. Enumerable.Range(0, (int)header.TotalChunks).Select(i => ReplicaCodec.LeafHash(replica.AsSpan(i * 4096, 4096)))];
        Assert.Equal(header.ReplicaRoot, MerkleTree.ComputeRoot(leaves));
        using (ReplicaLeafFile sidecar = ReplicaLeafFile.Open(result.LeafFilePath, (long)header.TotalChunks, header.ReplicaRoot))
        {
            Assert.Equal(header.ReplicaRoot, sidecar.Root);
            Assert.Equal(leaves[^1], sidecar.ReadLeaf(leaves.Length - 1));
        }

        // chain.json holds the registration and the v1 figures.
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(result.RegistrationPath));
        JsonElement root = json.RootElement;
        Assert.Equal("posc-imported-chain/v1", root.GetProperty("format").GetString());
        Assert.Equal(header.ChainId.ToString(), root.GetProperty("chainId").GetString());
        Assert.Equal(header.DataHash.ToString(), root.GetProperty("dataHash").GetString());
        Assert.Equal(header.ReplicaRoot.ToString(), root.GetProperty("replicaRoot").GetString());
        Assert.Equal(header.FileLength, root.GetProperty("fileLength").GetUInt64());
        Assert.Equal(header.TotalChunks, root.GetProperty("totalChunks").GetUInt64());
        Assert.Equal(header.EncodingVersion, root.GetProperty("encodingVersion").GetByte());
        Assert.Equal(header.WorkFactor, root.GetProperty("workFactor").GetUInt32());
        Assert.Equal(header.AnchorHeight, root.GetProperty("anchorHeight").GetUInt64());
        Assert.Equal(header.AnchorBlockHash.ToString(), root.GetProperty("anchorBlockHash").GetString());
        Assert.Equal(node.PublicKey.ToString(), root.GetProperty("proverPublicKey").GetString());
        Assert.Equal(header.AnchoredCommitment.ToString(), root.GetProperty("anchoredCommitment").GetString());
        Assert.Equal(Fast.ComputeParametersHash().ToString(), root.GetProperty("parametersHash").GetString());
        Assert.Equal("chain.replica", root.GetProperty("replicaFile").GetString());
        Assert.Equal("chain.replica.leaves", root.GetProperty("leafFile").GetString());
        JsonElement v1 = root.GetProperty("legacy");
        Assert.Equal(writer.DataHash.ToString(), v1.GetProperty("dataFileHash").GetString());
        Assert.Equal(writer.MerkleRoot.ToString(), v1.GetProperty("merkleRoot").GetString());
        Assert.Equal(LegacyFixtures.Key.ToString(), v1.GetProperty("publicKey").GetString());
        Assert.Equal(length, v1.GetProperty("originalLength").GetInt64());
        Assert.Equal(blocks, v1.GetProperty("verifiedCommitments").GetInt64());
        Assert.Equal(LegacyFixtures.InitialHeight, v1.GetProperty("initialBlockHeight").GetUInt64());
        Assert.Equal(writer.AnchoredCommitment.ToString(), v1.GetProperty("anchoredCommitment").GetString());
        Assert.Equal(hashChain, v1.GetProperty("hashChainFile").GetString());
        JsonElement last = v1.GetProperty("lastBlock");
        Assert.Equal(header.AnchorHeight, last.GetProperty("height").GetUInt64());
        Assert.Equal(header.AnchorBlockHash.ToString(), last.GetProperty("blockHash").GetString());
        Assert.Equal(legacy.Tip.Commitment.ToString(), last.GetProperty("commitment").GetString());
        if (blocks == 0)
        {
            Assert.Equal(JsonValueKind.Null, last.GetProperty("recordIndex").ValueKind);
        }
        else
        {
            Assert.Equal(blocks - 1, last.GetProperty("recordIndex").GetInt64());
        }
    }

    [Fact]
    public async Task TheSameChain_UnderAnotherNodeKey_IsAnotherChainWithAnotherReplica()
    {
        (string hashChain, string data) = _fixtures.Write(LegacyFixtures.Chain(6 * 4096 + 17, 4));
        using NodeKey alice = Node(0xA1);
        using NodeKey bob = Node(0xB0);

        LegacyImportResult a = await LegacyImporter.ImportAsync(hashChain, data, alice, Folder("alice"), Fast, CancellationToken.None);
        LegacyImportResult b = await LegacyImporter.ImportAsync(hashChain, data, bob, Folder("bob"), Fast, CancellationToken.None);

        Assert.True(a.IsImported);
        Assert.True(b.IsImported);
        Assert.Equal(a.Header.DataHash, b.Header.DataHash);
        Assert.Equal(a.Header.AnchorHeight, b.Header.AnchorHeight);
        Assert.NotEqual(a.Header.ChainId, b.Header.ChainId);
        Assert.NotEqual(a.Header.ReplicaRoot, b.Header.ReplicaRoot);
        Assert.NotEqual(a.Header.AnchoredCommitment, b.Header.AnchoredCommitment);
        Assert.NotEqual(File.ReadAllBytes(a.ReplicaPath), File.ReadAllBytes(b.ReplicaPath));
    }

    [Fact]
    public async Task TamperedChain_IsRefused_WithTheReportsFirstFailure_AndLeavesTheFolderEmpty()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(5 * 4096, 5);
        byte[] file = writer.BuildHashChainFile();
        long commitmentOffset = writer.RecordOffset(2) + writer.Records[2].EncodedSize - 32;
        file[commitmentOffset + 5] ^= 0x01;
        (string hashChain, string data) = _fixtures.Write(writer, file);
        using NodeKey node = Node(1);
        string existing = Folder("existing");
        Directory.CreateDirectory(existing);
        string missing = Folder("missing");

        LegacyImportResult result = await LegacyImporter.ImportAsync(hashChain, data, node, existing, Fast, CancellationToken.None);
        LegacyImportResult again = LegacyImporter.Import(hashChain, data, node, missing, Fast);

        Assert.False(result.IsImported);
        Assert.Equal(LegacyImportRefusalReason.VerificationFailed, result.Refusal.Reason);
        Assert.False(result.Report.IsValid);
        Assert.Same(result.Report.FirstFailure, result.Refusal.FirstFailure);
        Assert.Equal(LegacyFailureKind.CommitmentHash, result.Refusal.FirstFailure!.Kind);
        Assert.Equal(2, result.Refusal.FirstFailure.RecordIndex);
        Assert.Contains("record[2].commitment_hash", result.Refusal.Message);
        Assert.Contains("2 failure(s)", result.Refusal.Message);
        Assert.Null(result.Header);
        Assert.Null(result.Legacy);
        Assert.Null(result.ReplicaPath);

        Assert.Empty(FilesIn(existing));
        Assert.False(again.IsImported);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task DamagedDataFile_IsRefused_WithTheDataHashFailure()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096 + 100, 2);
        (string hashChain, string data) = _fixtures.Write(writer);
        byte[] bytes = File.ReadAllBytes(data);
        bytes[4097] ^= 0x80;
        File.WriteAllBytes(data, bytes);
        using NodeKey node = Node(2);

        LegacyImportResult result = await LegacyImporter.ImportAsync(hashChain, data, node, Folder("out"), Fast, CancellationToken.None);

        Assert.Equal(LegacyImportRefusalReason.VerificationFailed, result.Refusal?.Reason);
        Assert.Equal(LegacyFailureKind.DataHash, result.Refusal!.FirstFailure!.Kind);
        Assert.Empty(FilesIn(Folder("out")));
    }

    [Fact]
    public async Task BothInitialHeightEncodings_Import_ToTheSameChain()
    {
        (string u64Chain, string u64Data) = _fixtures.Write(LegacyFixtures.Chain(5 * 4096 - 1000, 3, LegacyHeightEncoding.UInt64), "u64");
        (string f64Chain, string f64Data) = _fixtures.Write(LegacyFixtures.Chain(5 * 4096 - 1000, 3, LegacyHeightEncoding.Float64), "f64");
        Assert.NotEqual(File.ReadAllBytes(u64Chain), File.ReadAllBytes(f64Chain));
        using NodeKey node = Node(3);

        LegacyImportResult u64 = await LegacyImporter.ImportAsync(u64Chain, u64Data, node, Folder("u64"), Fast, CancellationToken.None);
        LegacyImportResult f64 = await LegacyImporter.ImportAsync(f64Chain, f64Data, node, Folder("f64"), Fast, CancellationToken.None);

        Assert.True(u64.IsImported, u64.Refusal?.Message);
        Assert.True(f64.IsImported, f64.Refusal?.Message);
        Assert.Equal(LegacyFixtures.InitialHeight + 3, u64.Header.AnchorHeight);
        Assert.Equal(u64.Header, f64.Header);
        Assert.Equal(LegacyFixtures.InitialHeight, f64.Legacy.InitialBlockHeight);
    }

    [Fact]
    public async Task AFolderHoldingAnImport_IsRefused_AndLeftUntouched()
    {
        (string hashChain, string data) = _fixtures.Write(LegacyFixtures.Chain(4 * 4096, 1));
        using NodeKey node = Node(4);
        string folder = Folder("out");
        LegacyImportResult first = await LegacyImporter.ImportAsync(hashChain, data, node, folder, Fast, CancellationToken.None);
        Assert.True(first.IsImported);
        Dictionary<string, byte[]> before = FilesIn(folder).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(folder, f)));

        IOException e = await Assert.ThrowsAsync<IOException>(() => LegacyImporter.ImportAsync(hashChain, data, Node(5), folder, Fast, CancellationToken.None));
        Assert.Contains("already holds an imported chain", e.Message);
        Assert.Equal(before.Keys, FilesIn(folder));
        Assert.All(before, pair => Assert.Equal(pair.Value, File.ReadAllBytes(Path.Combine(folder, pair.Key))));

        // Any one of the three files is enough to refuse.
        foreach (string name in new[] { "chain.json", "chain.replica", "chain.replica.leaves" })
        {
            string other = Folder("only-" + name);
            Directory.CreateDirectory(other);
            File.WriteAllText(Path.Combine(other, name), "x");
            Assert.Throws<IOException>(() => LegacyImporter.Import(hashChain, data, node, other, Fast));
            Assert.Equal([name], FilesIn(other));
        }

        // A file where the folder should be.
        string notAFolder = Path.Combine(_fixtures.Directory, "file");
        File.WriteAllText(notAFolder, "x");
        Assert.Contains("is a file", Assert.Throws<IOException>(() => LegacyImporter.Import(hashChain, data, node, notAFolder, Fast)).Message);
    }

    [Fact]
    public async Task DataBelowTheProfileMinimum_IsRefused_BeforeAnythingIsWritten()
    {
        (string hashChain, string data) = _fixtures.Write(LegacyFixtures.Chain(5 * 4096 - 1000, 2));
        using NodeKey node = Node(6);
        ConsensusParameters standardFast = ConsensusParameters.Standard with { ReplicaWorkFactor = 4 };

        LegacyImportResult result = await LegacyImporter.ImportAsync(hashChain, data, node, Folder("out"), standardFast, CancellationToken.None);

        Assert.Equal(LegacyImportRefusalReason.BelowMinimumFileSize, result.Refusal?.Reason);
        Assert.True(result.Report.IsValid);
        Assert.Null(result.Refusal!.FirstFailure);
        Assert.Contains("19480 bytes", result.Refusal.Message);
        Assert.Contains("65536", result.Refusal.Message);
        Assert.False(Directory.Exists(Folder("out")));
    }

    [Fact]
    public async Task AZeroLastBlockHash_IsRefused_AsAnUnusableAnchor()
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(4 * 4096, 2);
        writer.AppendBlock(Hash32.Zero);
        (string hashChain, string data) = _fixtures.Write(writer);
        using NodeKey node = Node(7);

        LegacyImportResult result = await LegacyImporter.ImportAsync(hashChain, data, node, Folder("out"), Fast, CancellationToken.None);

        Assert.True(result.Report.IsValid);
        Assert.Equal(LegacyImportRefusalReason.UnusableAnchor, result.Refusal?.Reason);
        Assert.Contains("height 12348", result.Refusal!.Message);
        Assert.False(Directory.Exists(Folder("out")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DataChangedAfterVerification_IsRefused_AndLeavesNothingBehind(bool truncate)
    {
        LegacyHashChainWriter writer = LegacyFixtures.Chain(6 * 4096 + 10, 3);
        (string hashChain, string data) = _fixtures.Write(writer);
        using NodeKey node = Node(8);
        string folder = Folder("out");

        LegacyImportResult result = await LegacyImporter.ImportAsync(
            hashChain,
            data,
            node,
            folder,
            Fast,
            _ =>
            {
                using FileStream stream = new(data, FileMode.Open, FileAccess.ReadWrite);
                if (truncate)
                {
                    stream.SetLength(3 * 4096);
                }
                else
                {
                    stream.Position = 5000;
                    int b = stream.ReadByte();
                    stream.Position = 5000;
                    stream.WriteByte((byte)(b ^ 0xFF));
                }
            },
            CancellationToken.None);

        Assert.True(result.Report.IsValid);
        Assert.Equal(LegacyImportRefusalReason.DataChanged, result.Refusal?.Reason);
        Assert.Contains(truncate ? "ends after 12288 of the 24586 original bytes" : "now hash to", result.Refusal!.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task AConcurrentChainJson_StopsThePublication_AndEverythingPublishedIsRolledBack()
    {
        (string hashChain, string data) = _fixtures.Write(LegacyFixtures.Chain(6 * 4096, 2));
        using NodeKey node = Node(12);
        string folder = Folder("out");
        Directory.CreateDirectory(folder);
        string foreign = Path.Combine(folder, "chain.json");

        // Another writer creates chain.json after the folder check: replica and sidecar are renamed into
        // place first, then the registration rename fails and both are removed again.
        await Assert.ThrowsAsync<IOException>(() =>
            LegacyImporter.ImportAsync(hashChain, data, node, folder, Fast, _ => File.WriteAllText(foreign, "theirs"), CancellationToken.None));

        Assert.Equal(["chain.json"], FilesIn(folder));
        Assert.Equal("theirs", File.ReadAllText(foreign));
    }

    [Fact]
    public async Task Cancellation_LeavesNothingBehind()
    {
        (string hashChain, string data) = _fixtures.Write(LegacyFixtures.Chain(8 * 4096, 2));
        using NodeKey node = Node(9);
        using CancellationTokenSource cancelled = new();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LegacyImporter.ImportAsync(hashChain, data, node, Folder("a"), Fast, cancelled.Token));
        Assert.False(Directory.Exists(Folder("a")));

        using CancellationTokenSource later = new();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LegacyImporter.ImportAsync(hashChain, data, node, Folder("b"), Fast, _ => later.Cancel(), later.Token));
        Assert.False(Directory.Exists(Folder("b")));
    }

    [Fact]
    public async Task SyncAndAsync_GiveTheSameChain()
    {
        (string hashChain, string data) = _fixtures.Write(LegacyFixtures.Chain(7 * 4096 + 1, 5));
        using NodeKey node = Node(10);
        LegacyImportResult sync = LegacyImporter.Import(hashChain, data, node, Folder("sync"), Fast);
        LegacyImportResult async = await LegacyImporter.ImportAsync(hashChain, data, node, Folder("async"), Fast, CancellationToken.None);
        Assert.True(sync.IsImported);
        Assert.Equal(async.Header, sync.Header);
        Assert.Equal(File.ReadAllBytes(async.ReplicaPath!), File.ReadAllBytes(sync.ReplicaPath));
    }

    [Fact]
    public void BadArguments_AreRejected_NamingTheParameter()
    {
        (string hashChain, string data) = _fixtures.Write(LegacyFixtures.Chain(4 * 4096, 1));
        using NodeKey node = Node(11);
        string folder = Folder("out");
        Assert.Throws<ArgumentException>("hashChainPath", () => LegacyImporter.Import("", data, node, folder, Fast));
        Assert.Throws<ArgumentException>("dataPath", () => LegacyImporter.Import(hashChain, "", node, folder, Fast));
        Assert.Throws<ArgumentNullException>("nodeKey", () => LegacyImporter.Import(hashChain, data, null!, folder, Fast));
        Assert.Throws<ArgumentException>("outputFolder", () => LegacyImporter.Import(hashChain, data, node, "", Fast));
        Assert.Throws<ArgumentException>("parameters", () => LegacyImporter.Import(hashChain, data, node, folder, Fast with { ReplicaEncodingVersion = 2 }));
        Assert.Throws<ArgumentException>("ReplicaWorkFactor", () => LegacyImporter.Import(hashChain, data, node, folder, Fast with { ReplicaWorkFactor = 0 }));
        Assert.Throws<FileNotFoundException>(() => LegacyImporter.Import(hashChain + ".missing", data, node, folder, Fast));
        Assert.False(Directory.Exists(folder));
    }
}
