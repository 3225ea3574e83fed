// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Cli.Commands;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Cli.Tests.Commands;

/// <summary>
/// Verifies <c>posc legacy verify</c> end to end in-process: a valid chain exits 0 with its commitment
/// count (text and JSON); damage exits 1 naming the first failure's record, height, field and expected
/// vs actual; missing or unreadable inputs and bad options exit 2 with a message on stderr.
/// </summary>
public sealed class LegacyVerifyCommandTests : IDisposable
{
    private const int Blocks = 6;
    private readonly TempFolder _folder = new();
    private readonly LegacyHashChainWriter _writer = TempFolder.Chain((5 * 4096) + 100, Blocks);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ValidChain_ExitsZero_AndPrintsTheCommitmentCount()
    {
        string chain = _folder.WriteChain(_writer);

        CliRun run = CliRun.Of("legacy", "verify", chain);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        Assert.StartsWith($"valid: {Blocks} commitments verified", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(_writer.HeadCommitment.ToString(), run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void ValidChain_Json_CarriesCountTipAndNoFailures()
    {
        string chain = _folder.WriteChain(_writer);

        CliRun run = CliRun.Of("legacy", "verify", chain, "--json");

        Assert.Equal(ExitCodes.Valid, run.ExitCode);
        JsonElement json = run.Json();
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(Blocks, json.GetProperty("verifiedCommitments").GetInt64());
        Assert.Equal(Blocks, json.GetProperty("recordsRead").GetInt64());
        Assert.Equal(0, json.GetProperty("totalFailures").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("firstFailure").ValueKind);
        Assert.Equal(Path.GetFullPath(Path.ChangeExtension(chain, ".data")), json.GetProperty("dataFile").GetString());
        JsonElement tip = json.GetProperty("lastVerified");
        Assert.Equal(TempFolder.InitialHeight + Blocks, tip.GetProperty("blockHeight").GetUInt64());
        Assert.Equal(_writer.HeadCommitment.ToString(), tip.GetProperty("commitment").GetString());
        Assert.Equal(Blocks - 1, tip.GetProperty("recordIndex").GetInt64());
    }

    [Fact]
    public void TerminalProgress_StaysOnStderr_AndLeavesStdoutUnchanged()
    {
        string chain = _folder.WriteChain(_writer);
        using StringWriter stdout = new();
        using StringWriter stderr = new();

        int exitCode = Program.Run(["legacy", "verify", chain], stdout, stderr, stderrIsTerminal: true);

        Assert.Equal(ExitCodes.Valid, exitCode);
        Assert.Equal(CliRun.Of("legacy", "verify", chain).Stdout, stdout.ToString());
        Assert.DoesNotContain('\n', stderr.ToString());
    }

    [Fact]
    public void DataOption_OverridesTheDefaultDataFile()
    {
        string chain = _folder.WriteChain(_writer);
        string moved = _folder.File("elsewhere.bin");
        File.Move(Path.ChangeExtension(chain, ".data"), moved);

        Assert.Equal(ExitCodes.UsageOrUnreadable, CliRun.Of("legacy", "verify", chain).ExitCode);
        CliRun run = CliRun.Of("legacy", "verify", chain, "--data", moved);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        Assert.Contains(moved, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TamperedCommitment_ExitsOne_NamingRecordHeightFieldAndValues()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        LegacyCommitmentRecord record = _writer.Records[2];
        long offset = _writer.RecordOffset(2) + record.EncodedSize - Hash32.Size;
        bytes[offset] ^= 0x01;
        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes);
        string tampered = Convert.ToHexStringLower(bytes.AsSpan((int)offset, Hash32.Size));

        CliRun run = CliRun.Of("legacy", "verify", chain);

        Assert.True(run.ExitCode == ExitCodes.Invalid, run.ToString());
        Assert.StartsWith("invalid: 2 commitments verified before the first failure", run.Stdout, StringComparison.Ordinal);
        string firstFailure = run.Stdout.Split('\n').Single(l => l.StartsWith("first failure:", StringComparison.Ordinal));
        Assert.Contains("CommitmentHash: record[2].commitment_hash", firstFailure, StringComparison.Ordinal);
        Assert.Contains($"(record 2, height {TempFolder.InitialHeight + 3})", firstFailure, StringComparison.Ordinal);
        Assert.Contains($"at offset {offset}", firstFailure, StringComparison.Ordinal);
        Assert.Contains($"expected {record.CommitmentHash}, actual {tampered}", firstFailure, StringComparison.Ordinal);
        Assert.Contains("1 more failure(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TamperedCommitment_Json_NamesTheFirstFailure()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        long offset = _writer.RecordOffset(2) + _writer.Records[2].EncodedSize - Hash32.Size;
        bytes[offset] ^= 0x80;
        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes);

        CliRun run = CliRun.Of("legacy", "verify", chain, "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        JsonElement json = run.Json();
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(2, json.GetProperty("verifiedCommitments").GetInt64());
        JsonElement first = json.GetProperty("firstFailure");
        Assert.Equal("commitmentHash", first.GetProperty("kind").GetString());
        Assert.Equal("record[2].commitment_hash", first.GetProperty("field").GetString());
        Assert.Equal(2, first.GetProperty("recordIndex").GetInt64());
        Assert.Equal(TempFolder.InitialHeight + 3, first.GetProperty("blockHeight").GetUInt64());
        Assert.Equal(offset, first.GetProperty("offset").GetInt64());
        Assert.Equal(_writer.Records[2].CommitmentHash.ToString(), first.GetProperty("expected").GetString());
        // The next record links to the stored (tampered) hash, so it is reported as well.
        Assert.Equal(2, json.GetProperty("totalFailures").GetInt64());
        Assert.Equal("record[3].previous_commitment", json.GetProperty("failures")[1].GetProperty("field").GetString());
    }

    [Fact]
    public void BrokenHeaderChecksum_ExitsOne_NamingTheChecksum()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        bytes[LegacyFormat.Offsets.HeaderChecksum + 5] ^= 0x10;
        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes);

        CliRun run = CliRun.Of("legacy", "verify", chain);

        Assert.True(run.ExitCode == ExitCodes.Invalid, run.ToString());
        Assert.StartsWith("invalid: 0 commitments verified", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("first failure: HeaderChecksum: header_checksum at offset 224", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongMagic_ExitsOne_WithTheFormatFailure()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        bytes[0] = (byte)'X';
        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes);

        CliRun run = CliRun.Of("legacy", "verify", chain, "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        JsonElement first = run.Json().GetProperty("firstFailure");
        Assert.Equal("format", first.GetProperty("kind").GetString());
        Assert.Equal("wrongMagic", first.GetProperty("formatError").GetString());
        Assert.Equal("magic", first.GetProperty("field").GetString());
    }

    [Fact]
    public void TruncatedRecord_ExitsOne_KeepingTheRecordsBeforeIt()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes[..(int)(_writer.RecordOffset(4) + 50)]);

        CliRun run = CliRun.Of("legacy", "verify", chain, "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        JsonElement json = run.Json();
        Assert.Equal(4, json.GetProperty("verifiedCommitments").GetInt64());
        Assert.Equal("truncatedRecord", json.GetProperty("firstFailure").GetProperty("formatError").GetString());
        Assert.Equal(4, json.GetProperty("firstFailure").GetProperty("recordIndex").GetInt64());
    }

    [Fact]
    public void MissingDataFile_ExitsTwo_NamingTheDefaultPath()
    {
        string chain = _folder.WriteChain(_writer);
        string data = Path.ChangeExtension(chain, ".data");
        File.Delete(data);

        CliRun run = CliRun.Of("legacy", "verify", chain);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("data file", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"not found: '{data}'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--data", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingExplicitDataFile_ExitsTwo()
    {
        string chain = _folder.WriteChain(_writer);
        string data = _folder.File("absent.data");

        CliRun run = CliRun.Of("legacy", "verify", chain, "--data", data);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains($"data file not found: '{data}'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingHashChainFile_ExitsTwo()
    {
        string chain = _folder.File("absent.hashchain");

        CliRun run = CliRun.Of("legacy", "verify", chain);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains($"hashchain file not found: '{chain}'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectoryAsHashChain_ExitsTwo()
    {
        CliRun run = CliRun.Of("legacy", "verify", _folder.Path);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains("is a directory", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_ExitsTwo()
    {
        string chain = _folder.WriteChain(_writer);

        CliRun run = CliRun.Of("legacy", "verify", chain, "--frobnicate");

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("'--frobnicate'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'posc legacy verify --help' for usage.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public void BadMaxFailures_ExitsTwo(string value)
    {
        string chain = _folder.WriteChain(_writer);

        CliRun run = CliRun.Of("legacy", "verify", chain, "--max-failures", value);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains("--max-failures", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxFailures_CapsTheListButKeepsTheTotal()
    {
        byte[] bytes = _writer.BuildHashChainFile();
        for (int r = 0; r < Blocks; r++)
        {
            bytes[_writer.RecordOffset(r) + _writer.Records[r].EncodedSize - 1] ^= 0x01;
        }

        string chain = _folder.WriteChain(_writer, hashChainBytes: bytes);

        JsonElement json = CliRun.Of("legacy", "verify", chain, "--json", "--max-failures", "2").Json();

        Assert.Equal(2, json.GetProperty("failures").GetArrayLength());
        Assert.True(json.GetProperty("totalFailures").GetInt64() > 2);
        Assert.True(json.GetProperty("failuresTruncated").GetBoolean());
    }

    [Theory]
    [InlineData("dir/chain.hashchain", "dir/chain.data")]
    [InlineData("chain", "chain.data")]
    [InlineData("a.b.hashchain", "a.b.data")]
    public void DefaultDataPath_IsTheSameNameWithDataExtension(string hashChain, string expected)
    {
        Assert.Equal(expected, LegacyCommands.DefaultDataPath(hashChain));
    }
}
