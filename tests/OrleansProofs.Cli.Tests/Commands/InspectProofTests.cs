// SPDX-License-Identifier: MIT

using System.Text.Json;
using OrleansProofs.Cli.Commands;
using OrleansProofs.Cli.Inspection;
using OrleansProofs.Cli.Tests.Proofs;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Cli.Tests.Commands;

/// <summary>
/// Verifies <c>posc inspect</c> on proofs from <see cref="ProofFixture"/>: each envelope format is
/// recognised by its magic and format byte and a 136-byte file by its size; text and JSON show the
/// decoded fields (window heights and gaps, digest counts, path shape, seal, openings, part sizes that
/// add up to the file); a malformed proof or an unknown envelope format byte exits 2.
/// </summary>
public sealed class InspectProofTests(ProofFixture fixture) : IClassFixture<ProofFixture>
{
    [Fact]
    public void Compact_Json_ShowsWindowSealPathAndSizes()
    {
        CompactProof proof = fixture.BuildCompact();

        CliRun run = CliRun.Of("inspect", fixture.CompactFile, "--json");

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("compact proof", json.GetProperty("format").GetString());
        Assert.Equal(2, json.GetProperty("envelope").GetProperty("formatByte").GetInt32());
        Assert.Equal(1, json.GetProperty("envelope").GetProperty("version").GetInt32());
        Assert.Equal(fixture.LastHeight, json.GetProperty("height").GetUInt64());

        JsonElement registration = json.GetProperty("registration");
        Assert.Equal(fixture.Header.ReplicaRoot.ToString(), registration.GetProperty("replicaRoot").GetString());
        Assert.Equal((ulong)ProofFixture.ChunkCount, registration.GetProperty("totalChunks").GetUInt64());
        Assert.Equal(ProofFixture.AnchorHeight, registration.GetProperty("anchorHeight").GetUInt64());

        JsonElement window = json.GetProperty("window");
        Assert.Equal(fixture.LastHeight - 7, window.GetProperty("firstHeight").GetUInt64());
        Assert.Equal(fixture.LastHeight, window.GetProperty("lastHeight").GetUInt64());
        Assert.Equal(8, window.GetProperty("entries").GetInt32());
        Assert.Equal(1, window.GetProperty("gaps").GetInt32());
        Assert.Equal([ProofFixture.AnchorHeight + ProofFixture.GapBlock], window.GetProperty("gapHeights").EnumerateArray().Select(e => e.GetUInt64()));
        Assert.Equal([4, 4, 4, 4, 0, 4, 4, 4], window.GetProperty("digestsPerEntry").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(28, window.GetProperty("totalDigests").GetInt32());

        BlockAttestation attestation = fixture.AttestationAt(fixture.LastHeight);
        JsonElement seal = json.GetProperty("seal");
        Assert.Equal(attestation.Timestamp, seal.GetProperty("timestamp").GetUInt64());
        Assert.Equal(attestation.VdfIterations, seal.GetProperty("vdfIterations").GetUInt64());
        Assert.Equal(attestation.VdfState.ToString(), seal.GetProperty("vdfState").GetString());

        JsonElement path = json.GetProperty("path");
        Assert.Equal((ulong)(ProofFixture.OtherChains + 1), path.GetProperty("totalChains").GetUInt64());
        Assert.Equal(proof.Path.MemberCount, path.GetProperty("member").GetProperty("memberCount").GetUInt32());
        Assert.Equal(proof.Path.MemberPath.Length, path.GetProperty("member").GetProperty("siblings").GetInt32());
        Assert.Equal(proof.Path.GroupCount, path.GetProperty("group").GetProperty("groupCount").GetUInt32());
        Assert.Equal(proof.Path.RegionCount, path.GetProperty("region").GetProperty("regionCount").GetUInt32());

        AssertSizesAddUp(json, proof.EncodedSize);
        Assert.Equal(proof.Window.EncodedSize, json.GetProperty("sizes").GetProperty("window").GetInt32());
    }

    [Fact]
    public void Compact_Text_ShowsSections()
    {
        CliRun run = CliRun.Of("inspect", fixture.CompactFile);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        string[] lines = run.Stdout.Split(Environment.NewLine);
        Assert.Contains("format: compact proof", lines);
        Assert.Contains("window:", lines);
        Assert.Contains("  digestsPerEntry: [4, 4, 4, 4, 0, 4, 4, 4]", lines);
        Assert.Contains($"  gapHeights: [{ProofFixture.AnchorHeight + ProofFixture.GapBlock}]", lines);
        Assert.Contains("seal:", lines);
        Assert.Contains("path:", lines);
        Assert.Contains("  member:", lines);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Path_Json_ShowsChainCommitmentAndShape()
    {
        PathProof proof = fixture.BuildPathProof();

        CliRun run = CliRun.Of("inspect", fixture.PathFile, "--json");

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("path proof", json.GetProperty("format").GetString());
        Assert.Equal(fixture.Header.ChainId.ToString(), json.GetProperty("chainId").GetString());
        Assert.Equal(proof.Commitment.ToString(), json.GetProperty("commitment").GetString());
        Assert.Equal(fixture.LastHeight, json.GetProperty("height").GetUInt64());
        Assert.Equal(proof.Path.BlockHash.ToString(), json.GetProperty("path").GetProperty("blockHash").GetString());
        Assert.Equal(proof.Path.GroupId, json.GetProperty("path").GetProperty("group").GetProperty("groupId").GetUInt32());
        AssertSizesAddUp(json, proof.Encode().Length);
    }

    [Fact]
    public void Full_Json_ShowsOpenings()
    {
        FullProof proof = fixture.BuildFull();

        CliRun run = CliRun.Of("inspect", fixture.FullFile, "--json");

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("full proof", json.GetProperty("format").GetString());
        JsonElement openings = json.GetProperty("openings");
        Assert.Equal(28, openings.GetProperty("count").GetInt32());
        Assert.Equal(4096, openings.GetProperty("chunkBytes").GetInt32());
        Assert.All(openings.GetProperty("siblingsPerOpening").EnumerateArray(), e => Assert.Equal(4, e.GetInt32())); // 16 chunks → 4 levels
        AssertSizesAddUp(json, proof.EncodedSize);
    }

    [Fact]
    public void Claim_Json_ShowsEveryField()
    {
        UltraCompactClaim claim = fixture.BuildClaim(fixture.Nonce);

        CliRun run = CliRun.Of("inspect", fixture.ClaimFile, "--json");

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("ultra-compact claim", json.GetProperty("format").GetString());
        Assert.Equal(136, json.GetProperty("fileLength").GetInt32());
        Assert.Equal(claim.ChainHead.ToString(), json.GetProperty("chainHead").GetString());
        Assert.Equal((ulong)ProofFixture.BlockCount, json.GetProperty("chainLength").GetUInt64());
        Assert.Equal(claim.GlobalRoot.ToString(), json.GetProperty("globalRoot").GetString());
        Assert.Equal(fixture.LastHeight, json.GetProperty("globalHeight").GetUInt64());
        Assert.Equal(ProofFixture.AnchorHeight, json.GetProperty("impliedAnchorHeight").GetUInt64());
        Assert.Equal(claim.Position.ToString(), json.GetProperty("position").GetString());
        Assert.Equal((uint)(ProofFixture.OtherChains + 1), json.GetProperty("totalChains").GetUInt32());
        Assert.Equal(claim.Timestamp, json.GetProperty("timestamp").GetUInt64());
        Assert.Equal(fixture.Nonce.ToString(), json.GetProperty("nonce").GetString());
    }

    [Fact]
    public void Claim_Text_ShowsFields()
    {
        CliRun run = CliRun.Of("inspect", fixture.ClaimFile);

        Assert.True(run.ExitCode == ExitCodes.Valid, run.ToString());
        string[] lines = run.Stdout.Split(Environment.NewLine);
        Assert.Contains("format: ultra-compact claim", lines);
        Assert.Contains($"nonce: {fixture.Nonce}", lines);
        Assert.Contains($"chainLength: {ProofFixture.BlockCount}", lines);
    }

    [Fact]
    public void AnyOther136ByteFile_IsShownAsAClaim_ButAHashChainMagicWins()
    {
        byte[] bytes = new byte[UltraCompactClaim.EncodedSize];
        "HCHN"u8.CopyTo(bytes);
        string path = fixture.Write("hchn-136.bin", bytes);

        Assert.IsType<HashChainInspector>(InspectCommand.Detect(path, FileInspectors.Default));
        Assert.IsType<UltraCompactClaimInspector>(InspectCommand.Detect(fixture.ClaimFile, FileInspectors.Default));
    }

    [Fact]
    public void MalformedProof_ExitsTwo_NamingTheField()
    {
        byte[] bytes = File.ReadAllBytes(fixture.CompactFile);

        CliRun run = CliRun.Of("inspect", fixture.Write("inspect-truncated.proof", bytes[..140]));

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("as compact proof", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("window", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownEnvelopeFormatByte_ExitsTwo_ListingTheFormats()
    {
        byte[] bytes = File.ReadAllBytes(fixture.PathFile);
        bytes[4] = 7;

        CliRun run = CliRun.Of("inspect", fixture.Write("format7.proof", bytes));

        Assert.Equal(ExitCodes.UsageOrUnreadable, run.ExitCode);
        Assert.Contains("unrecognised file: first bytes 504f534307", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("compact proof (magic \"POSC\", format byte 2)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("ultra-compact claim (exactly 136 bytes", run.Stderr, StringComparison.Ordinal);
    }

    private static void AssertSizesAddUp(JsonElement json, int encodedSize)
    {
        JsonElement sizes = json.GetProperty("sizes");
        long total = sizes.GetProperty("total").GetInt64();
        Assert.Equal(encodedSize, total);
        Assert.Equal(total, json.GetProperty("fileLength").GetInt64());
        Assert.Equal(total, sizes.EnumerateObject().Where(p => p.Name != "total").Sum(p => p.Value.GetInt64()));
    }
}
