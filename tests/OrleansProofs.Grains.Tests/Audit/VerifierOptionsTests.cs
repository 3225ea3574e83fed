// SPDX-License-Identifier: MIT

using OrleansProofs.Grains.Tests.Hosting;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// The role and the verifier's settings are validated when the node starts: a bad one fails the start with an
/// <see cref="OrleansConfigurationException"/> naming the setting and the rule, before any database is created.
/// </summary>
public sealed class VerifierOptionsTests
{
    private const string Key = "0f6bd3c2a1e94b7785d6c0a3b2e1f4d5c6b7a8990a1b2c3d4e5f60718293a4b5";

    public static TheoryData<string, string> BadSettings => new()
    {
        { "Role=auditor", "NodeOptions.Role" },
        { "Role=verifier", "VerifierOptions.Provers must list at least one prover" },
        { "Role=both|Provers:0:Gateway=ftp://prover/|Provers:0:PublicKey=" + Key, "VerifierOptions.Provers[0].Gateway" },
        { "Role=verifier|Provers:0:Gateway=http://prover/|Provers:0:PublicKey=abc", "VerifierOptions.Provers[0].PublicKey" },
        { "Role=verifier|Provers:0:Gateway=http://a/|Provers:0:PublicKey=" + Key + "|Provers:1:Gateway=http://b/|Provers:1:PublicKey=" + Key, "VerifierOptions.Provers[1].PublicKey" },
        { "Role=verifier|Provers:0:Gateway=http://prover/|Provers:0:PublicKey=" + Key + "|FailureThreshold=0", "VerifierOptions.FailureThreshold" },
        { "Role=verifier|Provers:0:Gateway=http://prover/|Provers:0:PublicKey=" + Key + "|ChallengeTimeout=00:00:00.400", "VerifierOptions.ChallengeTimeout must exceed the profile's availability deadline (500 ms)" },
        { "Role=verifier|Provers:0:Gateway=http://prover/|Provers:0:PublicKey=" + Key + "|LatencyPeers:0:Gateway=peer|LatencyPeers:0:PublicKey=" + Key, "VerifierOptions.LatencyPeers[0].Gateway" },
        { "Role=verifier|Provers:0:Gateway=http://prover/|Provers:0:PublicKey=" + Key + "|LatencyPeers:0:Gateway=http://peer/|LatencyPeers:0:PublicKey=xyz", "VerifierOptions.LatencyPeers[0].PublicKey must be 64 hexadecimal" },
        { "Role=verifier|Provers:0:Gateway=http://prover/|Provers:0:PublicKey=" + Key + "|LatencyPeers:0:Gateway=http://a/|LatencyPeers:0:PublicKey=" + Key + "|LatencyPeers:1:Gateway=http://b/|LatencyPeers:1:PublicKey=" + Key, "VerifierOptions.LatencyPeers[1].PublicKey" },
        { "Role=verifier|Provers:0:Gateway=http://prover/|Provers:0:PublicKey=" + Key + "|LatencyProbesPerBlock=-1", "VerifierOptions.LatencyProbesPerBlock must be between 0 and 64" },
        { "Role=verifier|Provers:0:Gateway=http://prover/|Provers:0:PublicKey=" + Key + "|LatencyMinSamples=0", "VerifierOptions.LatencyMinSamples must be between 1 and 4,096" },
        { "Role=verifier|Provers:0:Gateway=http://prover/|Provers:0:PublicKey=" + Key + "|LatencyMinSamples=40", "VerifierOptions.LatencyWindowSamples must be between LatencyMinSamples (40) and 4,096" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadVerifierSettingFailsTheStartNamingIt(string settings, string expected)
    {
        await using EmbeddedNode node = new(new Dictionary<string, string?>());
        foreach (string pair in settings.Split('|'))
        {
            string[] parts = pair.Split('=', 2);
            string section = parts[0] == "Role" ? NodeHost.NodeSection : NodeHost.VerifierSection;
            node.Settings[section + ":" + parts[0]] = parts[1];
        }

        OrleansConfigurationException error = await Assert.ThrowsAsync<OrleansConfigurationException>(() => node.StartAsync("--block-source", "none"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(node.DatabasePath), "A failed start must not create the database.");
    }

    [Fact]
    public async Task ProverRole_IgnoresTheVerifierSettings()
    {
        await using EmbeddedNode node = new(new Dictionary<string, string?> { [NodeHost.VerifierSection + ":FailureThreshold"] = "0" });

        await node.StartAsync("--block-source", "none");

        Assert.Equal("prover", await node.Grains.GetGrain<Abstractions.Audit.IVerifierGrain>(0).GetRoleAsync());
    }
}
