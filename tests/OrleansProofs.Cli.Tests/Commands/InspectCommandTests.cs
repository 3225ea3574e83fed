// SPDX-License-Identifier: MIT

using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansProofs.Cli.Commands;
using OrleansProofs.Cli.Inspection;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Cli.Tests.Commands;

/// <summary>
/// Verifies <c>posc inspect</c>: a <c>.hashchain</c> is recognised by its magic and described (header
/// fields, leaf count, record count, footer) as text and as JSON; unknown, empty and missing files exit 2
/// with their first bytes named; a malformed chain exits 2 with what was read; and a registered
/// inspector for another format is picked by its signature.
/// </summary>
public sealed class InspectCommandTests : IDisposable
{
    private const int Blocks = 5;
    private readonly TempFolder _folder = new();
    private readonly LegacyHashChainWriter _writer = TempFolder.Chain((6 * 4096) + 17, Blocks);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void HashChain_Text_ShowsHeaderCountsAndFooter()
    {
        string chain = _folder.WriteChain(_writer);
        long length = new FileInfo(chain).Length;

        CliRun run = CliRun.Of("inspect", chain);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        string[] lines = run.Stdout.Split('\n');
        Assert.Contains("format: v1 .hashchain", lines);
        Assert.Contains("header:", lines);
        Assert.Contains($"  dataFileHash: {_writer.DataHash}", lines);
        Assert.Contains($"  merkleRoot: {_writer.MerkleRoot}", lines);
        Assert.Contains("  totalChunks: 7", lines);
        Assert.Contains($"  chainLength: {Blocks}", lines);
        Assert.Contains($"  publicKey: {TempFolder.Key}", lines);
        Assert.Contains($"  initialBlockHeight: {TempFolder.InitialHeight}", lines);
        Assert.Contains("  initialBlockHeightEncoding: UInt64", lines);
        Assert.Contains("  headerChecksumValid: true", lines);
        Assert.Contains("leafCount: 7", lines);
        Assert.Contains($"  count: {Blocks}", lines);
        Assert.Contains($"  totalSize: {length}", lines);
        Assert.Contains("  crc32: 0xdeadbeef", lines);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void HashChain_Json_ParsesAndMatchesTheFile()
    {
        string chain = _folder.WriteChain(_writer);
        long length = new FileInfo(chain).Length;

        CliRun run = CliRun.Of("inspect", chain, "--json");

        Assert.Equal(ExitCodes.Valid, run.ExitCode);
        JsonElement json = run.Json();
        Assert.Equal("v1 .hashchain", json.GetProperty("format").GetString());
        Assert.Equal(length, json.GetProperty("fileLength").GetInt64());
        JsonElement header = json.GetProperty("header");
        Assert.Equal(1u, header.GetProperty("formatVersion").GetUInt32());
        Assert.Equal(_writer.AnchoredCommitment.ToString(), header.GetProperty("anchoredCommitment").GetString());
        Assert.Equal(4096u, header.GetProperty("chunkSize").GetUInt32());
        Assert.Equal(_writer.InitialBlockHash.ToString(), header.GetProperty("initialBlockHash").GetString());
        Assert.True(header.GetProperty("headerChecksumValid").GetBoolean());
        Assert.Equal(7, json.GetProperty("leafCount").GetInt32());
        JsonElement records = json.GetProperty("records");
        Assert.Equal(Blocks, records.GetProperty("count").GetInt64());
        Assert.Equal(_writer.RecordOffset(0), records.GetProperty("offset").GetInt64());
        JsonElement last = records.GetProperty("last");
        Assert.Equal(Blocks - 1, last.GetProperty("index").GetInt64());
        Assert.Equal(TempFolder.InitialHeight + Blocks, last.GetProperty("blockHeight").GetUInt64());
        Assert.Equal(_writer.HeadCommitment.ToString(), last.GetProperty("commitmentHash").GetString());
        Assert.Equal(
            _writer.Records[^1].ChunkIndices.ToArray(),
            last.GetProperty("chunkIndices").EnumerateArray().Select(e => e.GetUInt32()).ToArray());
        JsonElement footer = json.GetProperty("footer");
        Assert.Equal(length - LegacyFormat.FooterSize, footer.GetProperty("offset").GetInt64());
        Assert.Equal((ulong)length, footer.GetProperty("totalSize").GetUInt64());
    }

    [Fact]
    public void HashChainWithoutRecords_ShowsNullRecords()
    {
        string chain = _folder.WriteChain(TempFolder.Chain(3 * 4096, 0));

        JsonElement records = CliRun.Of("inspect", chain, "--json").Json().GetProperty("records");

        Assert.Equal(0, records.GetProperty("count").GetInt64());
        Assert.Equal(JsonValueKind.Null, records.GetProperty("first").ValueKind);
        Assert.Equal(JsonValueKind.Null, records.GetProperty("last").ValueKind);
    }

    [Fact]
    public void BrokenHeaderChecksum_IsShownNotRejected()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        bytes[LegacyFormat.Offsets.HeaderChecksum] ^= 0xFF;
        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes);

        CliRun run = CliRun.Of("inspect", chain, "--json");

        Assert.Equal(ExitCodes.Valid, run.ExitCode);
        Assert.False(run.Json().GetProperty("header").GetProperty("headerChecksumValid").GetBoolean());
    }

    [Fact]
    public void TruncatedRecords_ExitTwo_WithWhatWasRead()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes[..(int)(_writer.RecordOffset(3) + 10)]);

        CliRun run = CliRun.Of("inspect", chain, "--json");

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        JsonElement json = run.Json();
        Assert.Equal(3, json.GetProperty("records").GetProperty("count").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("footer").ValueKind);
        Assert.Contains("record[3].", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("unreadable after 3 record(s)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedHeader_ExitsTwo_NamingTheField()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes[..100]);

        CliRun run = CliRun.Of("inspect", chain);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("as v1 .hashchain", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("TruncatedHeader", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("data_file_path_hash", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomFile_ExitsTwo_ShowingItsFirstBytes()
    {
        byte[] bytes = new byte[300];
        new Random(3).NextBytes(bytes);
        bytes[0] = 0x7F;
        string path = _folder.File("random.bin");
        File.WriteAllBytes(path, bytes);

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"unrecognised file: first bytes {Convert.ToHexStringLower(bytes.AsSpan(0, 4))}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("300 bytes", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("v1 .hashchain (magic \"HCHN\")", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_ExitsTwo()
    {
        string path = _folder.File("empty");
        File.WriteAllBytes(path, []);

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains("unrecognised file: first bytes none, the file is empty", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_ExitsTwo()
    {
        string path = _folder.File("absent");

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains($"file not found: '{path}'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_PicksARegisteredInspectorBySignature()
    {
        FakeInspector proof = new();
        IFileInspector[] inspectors = [new HashChainInspector(), proof];
        string proofFile = _folder.File("a.proof");
        File.WriteAllBytes(proofFile, [.. "POSCPRF\x01"u8, 9, 9, 9]);
        string chain = _folder.WriteChain(_writer);

        Assert.Same(proof, InspectCommand.Detect(proofFile, inspectors));
        Assert.IsType<HashChainInspector>(InspectCommand.Detect(chain, inspectors));
        CliException unknown = Assert.Throws<CliException>(() => InspectCommand.Detect(chain, [proof]));
        Assert.Equal(ExitCodes.UsageOrUnreadable, unknown.ExitCode);
        Assert.Contains("first bytes 4843484e00000001", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_GivesAShortFileOnlyItsBytes()
    {
        FakeInspector proof = new();
        string path = _folder.File("short");
        File.WriteAllBytes(path, "POSC"u8.ToArray());

        CliException e = Assert.Throws<CliException>(() => InspectCommand.Detect(path, [proof]));

        Assert.Contains("first bytes 504f5343 ", e.Message, StringComparison.Ordinal);
        Assert.Equal(4, proof.LastHeadLength);
    }

    /// <summary>A stand-in for a later proof format: 8-byte magic, inspected as a fixed document.</summary>
    private sealed class FakeInspector : IFileInspector
    {
        public int LastHeadLength { get; private set; } = -1;

        public string FormatName => "test proof";

        public string SignatureDescription => "magic \"POSCPRF\\x01\"";

        public int SignatureLength => 8;

        public bool Recognises(ReadOnlySpan<byte> head)
        {
            LastHeadLength = head.Length;
            return head.SequenceEqual("POSCPRF\x01"u8);
        }

        public InspectionResult Inspect(string path, ConsoleOutput output) => new(new JsonObject { ["format"] = FormatName });
    }
}
