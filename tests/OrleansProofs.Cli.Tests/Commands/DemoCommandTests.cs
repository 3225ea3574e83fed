// SPDX-License-Identifier: MIT

using System.Text.Json;

namespace OrleansProofs.Cli.Tests.Commands;

/// <summary>
/// Verifies <c>posc demo</c> end to end: it proves real files through blocks and every proof it
/// writes verifies again through <c>posc verify</c> with only the public outputs (key, block table,
/// registration); a tampered proof file is then rejected.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Demo_ProvesAndItsProofsVerifyIndependently()
    {
        CliRun demo = CliRun.Of("demo", "--chains", "5", "--blocks", "4", "--workspace", _folder.Path, "--json");
        Assert.True(demo.ExitCode == 0, demo.ToString());
        JsonElement summary = demo.Json();
        Assert.True(summary.GetProperty("allValid").GetBoolean());
        Assert.Equal(4, summary.GetProperty("blocks").GetInt32());
        Assert.Equal(4, summary.GetProperty("proofs").GetArrayLength());
        Assert.Equal(136, summary.GetProperty("proofs")[0].GetProperty("bytes").GetInt32());
        string key = summary.GetProperty("publicKey").GetString()!;

        string[] common = ["--public-key", key, "--block-hashes", _folder.File("blocks.txt"), "--registration", _folder.File("registration.json"), "--profile", "dev"];
        foreach (string format in new[] { "path", "compact", "full" })
        {
            CliRun verify = CliRun.Of(["verify", Path.Combine(_folder.Path, "proofs", format + ".bin"), .. common]);
            Assert.True(verify.ExitCode == 0, $"{format}: {verify}");
        }

        CliRun claim = CliRun.Of(["verify", Path.Combine(_folder.Path, "proofs", "ultra-compact.claim"), "--format", "ultra-compact", .. common,
            "--path-proof", Path.Combine(_folder.Path, "proofs", "path.bin"), "--nonce", File.ReadAllText(_folder.File("nonce.txt")).Trim()]);
        Assert.True(claim.ExitCode == 0, claim.ToString());

        string compact = Path.Combine(_folder.Path, "proofs", "compact.bin");
        byte[] bytes = File.ReadAllBytes(compact);
        bytes[200] ^= 0x01;
        File.WriteAllBytes(compact, bytes);
        CliRun tampered = CliRun.Of(["verify", compact, .. common]);
        Assert.Equal(1, tampered.ExitCode);
    }

    [Fact]
    public void Demo_RejectsOutOfRangeOptions()
    {
        Assert.Equal(2, CliRun.Of("demo", "--chains", "0", "--workspace", _folder.Path).ExitCode);
        Assert.Equal(2, CliRun.Of("demo", "--profile", "fast", "--workspace", _folder.Path).ExitCode);
    }
}
