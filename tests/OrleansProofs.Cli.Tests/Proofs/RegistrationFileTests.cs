// SPDX-License-Identifier: MIT

using OrleansProofs.Cli.Proofs;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Tests.Proofs;

/// <summary>
/// Verifies <see cref="RegistrationFile"/>: the JSON round-trips every field, integers are accepted
/// as numbers or decimal strings, and every error (missing, unknown or badly typed field, out-of-range
/// integer, short hex, a value the chain header rejects) names the source and the JSON field; the
/// header built from it under a key is the one <see cref="ChainHeader.Create"/> gives.
/// </summary>
public sealed class RegistrationFileTests
{
    private static readonly ChainRegistration Sample = new(
        new Hash32(Enumerable.Repeat((byte)0xAA, 32).ToArray()),
        new Hash32(Enumerable.Repeat((byte)0xBB, 32).ToArray()),
        1_000_000,
        1,
        64,
        18_000_000_000_000_000_000,
        new Hash32(Enumerable.Repeat((byte)0xCC, 32).ToArray()));

    private const string Valid = """
        {
          "dataHash": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "replicaRoot": "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
          "fileLength": 1000000,
          "encodingVersion": 1,
          "workFactor": "64",
          "anchorHeight": "18000000000000000000",
          "anchorBlockHash": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
        }
        """;

    [Fact]
    public void Parse_ReadsEveryField_NumbersOrDecimalStrings()
    {
        Assert.Equal(Sample, RegistrationFile.Parse(Valid, "r.json"));
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        string json = RegistrationFile.ToJson(Sample);

        Assert.Equal(Sample, RegistrationFile.Parse(json, "r.json"));
        Assert.Contains("\"anchorHeight\": 18000000000000000000", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"fileLength\": 1000000,", "", "missing field \"fileLength\"")]
    [InlineData("\"fileLength\": 1000000,", "\"fileLength\": 1000000, \"fileLenght\": 1,", "unknown field \"fileLenght\"")]
    [InlineData("\"fileLength\": 1000000,", "\"fileLength\": 1000000, \"fileLength\": 2,", "field \"fileLength\" appears more than once")]
    [InlineData("\"fileLength\": 1000000,", "\"fileLength\": -1,", "field \"fileLength\" must be a whole number")]
    [InlineData("\"fileLength\": 1000000,", "\"fileLength\": 1.5,", "field \"fileLength\" must be a whole number")]
    [InlineData("\"fileLength\": 1000000,", "\"fileLength\": true,", "field \"fileLength\" must be a whole number")]
    [InlineData("\"encodingVersion\": 1,", "\"encodingVersion\": 256,", "field \"encodingVersion\" must be at most 255; got 256")]
    [InlineData("\"workFactor\": \"64\",", "\"workFactor\": \"4294967296\",", "field \"workFactor\" must be at most 4294967295")]
    [InlineData("\"workFactor\": \"64\",", "\"workFactor\": \" 64\",", "field \"workFactor\" must be a whole number")]
    [InlineData("\"dataHash\": \"aaaaaaaa", "\"dataHash\": \"aaaaaa", "field \"dataHash\" must be a string of 64 hexadecimal characters")]
    [InlineData("\"dataHash\": \"aaaaaaaa", "\"dataHash\": \"zzaaaaaa", "field \"dataHash\" must be a string of 64 hexadecimal characters")]
    [InlineData("\"replicaRoot\": \"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\",", "\"replicaRoot\": 5,", "field \"replicaRoot\" must be a string")]
    public void Parse_Errors_NameTheSourceAndField(string find, string replace, string message)
    {
        string json = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        FormatException e = Assert.Throws<FormatException>(() => RegistrationFile.Parse(json, "r.json"));

        Assert.Contains("'r.json'", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHeader_IsTheHeaderUnderTheKey()
    {
        using NodeKey key = NodeKey.Generate();
        ChainRegistration registration = Sample with { AnchorHeight = 5 };

        ChainHeader header = RegistrationFile.ToHeader(registration, key.PublicKey, "r.json");

        ChainHeader expected = ChainHeader.Create(Sample.DataHash, key.PublicKey, Sample.ReplicaRoot, Sample.FileLength, 1, 64, 5, Sample.AnchorBlockHash);
        Assert.Equal(expected.ChainId, header.ChainId);
        Assert.Equal(expected.AnchoredCommitment, header.AnchoredCommitment);
    }

    [Theory]
    [InlineData("fileLength")]
    [InlineData("encodingVersion")]
    [InlineData("dataHash")]
    public void ToHeader_RuleBreak_NamesTheJsonField(string field)
    {
        using NodeKey key = NodeKey.Generate();
        ChainRegistration registration = field switch
        {
            "fileLength" => Sample with { FileLength = 0 },
            "encodingVersion" => Sample with { EncodingVersion = 0 },
            _ => Sample with { DataHash = Hash32.Zero },
        };

        FormatException e = Assert.Throws<FormatException>(() => RegistrationFile.ToHeader(registration, key.PublicKey, "r.json"));

        Assert.Contains($"field \"{field}\" is not a valid registration value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsAnOversizedFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "posc-registration-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, new string(' ', RegistrationFile.MaxFileBytes + 1));
        try
        {
            FormatException e = Assert.Throws<FormatException>(() => RegistrationFile.Read(path));
            Assert.Contains("at most 65536 bytes", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
