// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Cli.Tests.Proofs;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Tests.Commands;

/// <summary>
/// Verifies <c>posc verify</c> over real proofs from <see cref="ProofFixture"/>: each of the four
/// formats verifies (exit 0, chain and height printed, format told from the file or given); a
/// tampered proof, a wrong public key, a wrong profile, a mismatching registration, a missing block
/// or a wrong nonce is invalid (exit 1, the failure named); malformed bytes are invalid with the
/// decoder's reason; missing files, bad hex, bad block tables, bad registration files, missing or
/// misplaced options are usage errors (exit 2).
/// </summary>
public sealed class VerifyCommandTests(ProofFixture fixture) : IClassFixture<ProofFixture>
{
    private string Height => fixture.LastHeight.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string ValidLine => $"valid: chain {fixture.Header.ChainId} at height {Height}";

    [Fact]
    public void Compact_IsValid()
    {
        CliRun run = Verify(fixture.CompactFile);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        Assert.Equal(ValidLine + Environment.NewLine, run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Path_IsValid()
    {
        CliRun run = Verify(fixture.PathFile);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        Assert.Equal(ValidLine + Environment.NewLine, run.Stdout);
    }

    [Fact]
    public void Full_IsValid()
    {
        CliRun run = Verify(fixture.FullFile);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        Assert.Equal(ValidLine + Environment.NewLine, run.Stdout);
    }

    [Fact]
    public void UltraCompact_IsValid_AgainstPathProofRegistrationAndNonce()
    {
        CliRun run = VerifyClaim(fixture.ClaimFile, fixture.Nonce.ToString());

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        Assert.Equal(ValidLine + Environment.NewLine, run.Stdout);
    }

    [Theory]
    [InlineData("compact")]
    [InlineData("full")]
    [InlineData("path")]
    public void GivenFormat_MatchingTheFile_IsValid(string format)
    {
        string file = format switch { "compact" => fixture.CompactFile, "full" => fixture.FullFile, _ => fixture.PathFile };

        CliRun run = Verify(file, "--format", format, "--registration", fixture.RegistrationFile);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
    }

    [Fact]
    public void Json_CarriesTheResult()
    {
        CliRun run = Verify(fixture.CompactFile, "--json");

        Assert.Equal(ExitCodes.Valid, run.ExitCode);
        JsonElement json = run.Json();
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("failure").ValueKind);
        Assert.Equal(fixture.Header.ChainId.ToString(), json.GetProperty("chainId").GetString());
        Assert.Equal(fixture.LastHeight, json.GetProperty("height").GetUInt64());
        Assert.Equal("compact", json.GetProperty("format").GetString());
    }

    [Fact]
    public void TamperedSignature_IsInvalid_BadSignature()
    {
        byte[] bytes = File.ReadAllBytes(fixture.CompactFile);
        CompactProof proof = fixture.BuildCompact();
        int signature = ProofEnvelope.Size + ChainRegistration.EncodedSize + proof.Window.EncodedSize + 8 + 8 + 32;
        bytes[signature + 5] ^= 0x01;

        CliRun run = Verify(fixture.Write("bad-signature.proof", bytes), "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        JsonElement json = run.Json();
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal("badSignature", json.GetProperty("failure").GetString());
        Assert.Contains("signature does not verify", json.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(fixture.Header.ChainId.ToString(), json.GetProperty("chainId").GetString());
    }

    [Fact]
    public void TamperedChunk_InAFullProof_IsInvalid_PossessionFailed()
    {
        byte[] bytes = File.ReadAllBytes(fixture.FullFile);
        bytes[fixture.BuildCompact().EncodedSize + 100] ^= 0x80;

        CliRun run = Verify(fixture.Write("bad-chunk.proof", bytes));

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (PossessionFailed): ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("does not verify against the registered replica root", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TamperedTimestamp_InAPathProof_IsInvalid_BlockMismatch()
    {
        byte[] bytes = File.ReadAllBytes(fixture.PathFile);
        bytes[ProofEnvelope.Size + 64 + 7] ^= 0x01; // last byte of seal.timestamp

        CliRun run = Verify(fixture.Write("bad-timestamp.proof", bytes));

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (BlockMismatch): the attested timestamp", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TamperedClaim_IsInvalid_NamingTheField()
    {
        byte[] bytes = File.ReadAllBytes(fixture.ClaimFile);
        bytes[39] ^= 0x01; // last byte of chain_length

        CliRun run = VerifyClaim(fixture.Write("bad.claim", bytes), fixture.Nonce.ToString());

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (ClaimMismatch): claim field chain_length", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_WithAnotherNonce_IsInvalid()
    {
        CliRun run = VerifyClaim(fixture.ClaimFile, "000102030405060708090a0b");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (ClaimMismatch): claim field nonce", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compact")]
    [InlineData("path")]
    public void WrongPublicKey_IsInvalid(string format)
    {
        using NodeKey other = NodeKey.Generate();
        string file = format == "compact" ? fixture.CompactFile : fixture.PathFile;

        CliRun run = CliRun.Of("verify", file, "--public-key", other.PublicKey.ToString(), "--block-hashes", fixture.BlocksFile, "--profile", "dev");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (BadSignature): ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongPublicKey_WithRegistration_IsInvalid_ChainMismatch()
    {
        using NodeKey other = NodeKey.Generate();

        CliRun run = CliRun.Of("verify", fixture.PathFile, "--public-key", other.PublicKey.ToString(), "--block-hashes", fixture.BlocksFile,
            "--profile", "dev", "--registration", fixture.RegistrationFile);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (ChainMismatch): ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongProfile_IsInvalid_WindowInvalid()
    {
        CliRun run = CliRun.Of("verify", fixture.CompactFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", fixture.BlocksFile, "--profile", "enhanced");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (WindowInvalid): ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("the profile selects 16", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultProfile_IsStandard()
    {
        // Standard and dev share every rule a proof verifier checks (4 chunks, window 8, hierarchy
        // shape and iterations); enhanced does not, so a dev proof verifies by default only if the default is standard.
        CliRun run = CliRun.Of("verify", fixture.CompactFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", fixture.BlocksFile);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
    }

    [Fact]
    public void MismatchingRegistration_IsInvalid_NamingTheField()
    {
        string registration = fixture.WriteText("other-anchor.json", File.ReadAllText(fixture.RegistrationFile)
            .Replace($"\"anchorHeight\": {ProofFixture.AnchorHeight}", $"\"anchorHeight\": {ProofFixture.AnchorHeight - 1}", StringComparison.Ordinal));

        CliRun run = Verify(fixture.CompactFile, "--registration", registration);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (ChainMismatch): anchorHeight is 1000 in the proof but 999 in the registration", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBlock_IsInvalid_UnknownBlock()
    {
        string blocks = fixture.WriteText("blocks-short.txt", ProofFixture.BlockTable(fixture.Blocks.Values.SkipLast(1)));

        CliRun run = CliRun.Of("verify", fixture.PathFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", blocks, "--profile", "dev");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith($"invalid (UnknownBlock): no public block is known at the proof's height {Height}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedProof_IsInvalid_Malformed_WithTheDecodersReason()
    {
        byte[] bytes = File.ReadAllBytes(fixture.CompactFile);

        CliRun run = Verify(fixture.Write("truncated.proof", bytes[..150]), "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        JsonElement json = run.Json();
        Assert.Equal("malformed", json.GetProperty("failure").GetString());
        Assert.Contains("window", json.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("chainId").ValueKind);
        Assert.Equal("compact", json.GetProperty("format").GetString());
    }

    [Fact]
    public void UnknownEnvelopeFormatByte_IsInvalid_Malformed()
    {
        byte[] bytes = File.ReadAllBytes(fixture.CompactFile);
        bytes[4] = 9;

        CliRun run = Verify(fixture.Write("format9.proof", bytes));

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (Malformed): Proof format byte is 9", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenFormat_OtherThanTheFiles_IsInvalid_Malformed()
    {
        CliRun run = Verify(fixture.PathFile, "--format", "compact");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (Malformed): Proof format byte is 1 (path); expected 2 (compact)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenUltraCompact_OnAnotherSize_IsInvalid_Malformed()
    {
        CliRun run = CliRun.Of("verify", fixture.PathFile, "--format", "ultra-compact", "--public-key", fixture.PublicKeyHex, "--block-hashes", fixture.BlocksFile,
            "--profile", "dev", "--registration", fixture.RegistrationFile, "--path-proof", fixture.PathFile, "--nonce", fixture.Nonce.ToString());

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("invalid (Malformed): An ultra-compact claim is exactly 136 bytes", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedPathProof_ForAClaim_IsInvalid_Malformed()
    {
        CliRun run = CliRun.Of("verify", fixture.ClaimFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", fixture.BlocksFile,
            "--profile", "dev", "--registration", fixture.RegistrationFile, "--path-proof", fixture.CompactFile, "--nonce", fixture.Nonce.ToString());

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith($"invalid (Malformed): path proof '{fixture.CompactFile}': Proof format byte is 2", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UnidentifiableFile_WithoutFormat_ExitsTwo()
    {
        byte[] bytes = new byte[200];
        new Random(5).NextBytes(bytes);
        bytes[0] = 0x00;

        CliRun run = Verify(fixture.Write("random.bin", bytes));

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("cannot tell the proof format", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--format", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingProofFile_ExitsTwo()
    {
        string path = fixture.Folder.File("absent.proof");

        CliRun run = Verify(path);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains($"proof file not found: '{path}'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBlockFile_ExitsTwo()
    {
        string path = fixture.Folder.File("absent-blocks.txt");

        CliRun run = CliRun.Of("verify", fixture.CompactFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", path);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains($"block hashes file not found: '{path}'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadHexInTheBlockFile_ExitsTwo_NamingTheLine()
    {
        string blocks = fixture.WriteText("bad-blocks.txt", "# comment\n1010 zz11\n");

        CliRun run = CliRun.Of("verify", fixture.CompactFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", blocks);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains("Block table line 2", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(blocks, run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--public-key", "abc", "--public-key must be 64 hexadecimal characters")]
    [InlineData("--nonce", "xyz", "--nonce must be 24 hexadecimal characters")]
    [InlineData("--format", "tiny", "--format must be one of ultra-compact, path, compact, full")]
    [InlineData("--profile", "turbo", "--profile must be one of standard, enhanced, dev")]
    public void BadOptionValue_ExitsTwo(string option, string value, string message)
    {
        List<string> args = ["verify", fixture.CompactFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", fixture.BlocksFile];
        int existing = args.IndexOf(option);
        if (existing >= 0)
        {
            args[existing + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        CliRun run = CliRun.Of([.. args]);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--public-key")]
    [InlineData("--block-hashes")]
    public void MissingRequiredOption_ExitsTwo(string option)
    {
        List<string> args = ["verify", fixture.CompactFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", fixture.BlocksFile];
        int index = args.IndexOf(option);
        args.RemoveRange(index, 2);

        CliRun run = CliRun.Of([.. args]);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_WithoutPathProofAndNonce_ExitsTwo_NamingWhatIsMissing()
    {
        CliRun run = CliRun.Of("verify", fixture.ClaimFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", fixture.BlocksFile,
            "--profile", "dev", "--registration", fixture.RegistrationFile);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("(missing: --path-proof, --nonce)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void PathProofOption_OnACompactProof_ExitsTwo()
    {
        CliRun run = Verify(fixture.CompactFile, "--path-proof", fixture.PathFile);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains("apply only to ultra-compact claims", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"replicaRoot\": \"00\"}", "missing field \"dataHash\"")]
    [InlineData("[1, 2]", "must hold one JSON object")]
    [InlineData("{ not json", "is not valid JSON")]
    public void BadRegistrationFile_ExitsTwo(string json, string message)
    {
        string registration = fixture.WriteText($"bad-registration-{Math.Abs(json.GetHashCode())}.json", json);

        CliRun run = Verify(fixture.CompactFile, "--registration", registration);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(registration, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistrationBreakingAHeaderRule_ExitsTwo_NamingTheField()
    {
        string registration = fixture.WriteText("zero-work.json", File.ReadAllText(fixture.RegistrationFile)
            .Replace("\"workFactor\": 4", "\"workFactor\": 0", StringComparison.Ordinal));

        CliRun run = Verify(fixture.CompactFile, "--registration", registration);

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains("field \"workFactor\" is not a valid registration value", run.Stderr, StringComparison.Ordinal);
    }

    private CliRun Verify(string proofFile, params string[] extra) =>
        CliRun.Of(["verify", proofFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", fixture.BlocksFile, "--profile", "dev", .. extra]);

    private CliRun VerifyClaim(string claimFile, string nonce) =>
        CliRun.Of("verify", claimFile, "--public-key", fixture.PublicKeyHex, "--block-hashes", fixture.BlocksFile, "--profile", "dev",
            "--registration", fixture.RegistrationFile, "--path-proof", fixture.PathFile, "--nonce", nonce);
}
