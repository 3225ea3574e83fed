// SPDX-License-Identifier: MIT

using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The embedded host validates its settings when it starts: a bad data folder, network name,
/// profile, key file, block source, block interval, demo file count, database path or token name/decimals fails the start
/// with an <see cref="OrleansConfigurationException"/> naming the setting, before any database is
/// created. Command-line switches reach the same settings.
/// </summary>
public sealed class NodeHostOptionsTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { NodeHost.NodeSection + ":Profile", "turbo", "NodeOptions.Profile" },
        { NodeHost.NodeSection + ":DataDirectory", "{file}", "NodeOptions.DataDirectory" },
        { NodeHost.NodeSection + ":KeyFilePath", "{file}", "NodeOptions.KeyFilePath" },
        { NodeHost.NodeSection + ":KeyFilePath", "{folder}", "NodeOptions.KeyFilePath" },
        { NodeHost.ChainSection + ":Network", "no spaces", "BlockSourceOptions.Network" },
        { NodeHost.ChainSection + ":Network", "", "BlockSourceOptions.Network" },
        { NodeHost.ChainSection + ":Source", "chia", "BlockSourceOptions.Source" },
        { NodeHost.ChainSection + ":BlockInterval", "-00:00:01", "BlockSourceOptions.BlockInterval" },
        { NodeHost.ChainSection + ":DemoFiles", "-1", "BlockSourceOptions.DemoFiles" },
        { NodeHost.StorageSection + ":DatabasePath", "{folder}", "SqliteStorageOptions.DatabasePath" },
        { NodeHost.LedgerSection + ":TokenName", "two words", "TokenLedgerOptions.TokenName" },
        { NodeHost.LedgerSection + ":Decimals", "19", "TokenLedgerOptions.Decimals" },
        { NodeHost.LedgerSection + ":Funding:$slashed", "5", "TokenLedgerOptions.Funding:$slashed" },
        { NodeHost.LedgerSection + ":Funding:operator", "0", "TokenLedgerOptions.Funding:operator" },
        { NodeHost.BeaconSection + ":Source", "drand", "BeaconOptions.Source" },
        { NodeHost.CheckpointSection + ":DisputeWindowBlocks", "0", "CheckpointOptions.DisputeWindowBlocks" },
        { NodeHost.BeaconSection + ":PublicKey", "xyz", "BeaconOptions.PublicKey" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadSettingFailsTheStartNamingIt(string key, string value, string expected)
    {
        await using EmbeddedNode node = new(new Dictionary<string, string?>());
        string file = Path.Combine(node.DataDirectory, "not-a-key.txt");
        File.WriteAllText(file, "not a key file");
        string folder = Path.Combine(node.DataDirectory, "a-folder");
        Directory.CreateDirectory(folder);
        node.Settings[key] = value.Replace("{file}", file, StringComparison.Ordinal).Replace("{folder}", folder, StringComparison.Ordinal);

        OrleansConfigurationException error = await Assert.ThrowsAsync<OrleansConfigurationException>(() => node.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(node.DatabasePath), "A failed start must not create the database.");
    }

    [Fact]
    public async Task CommandLineSwitchesAreValidatedLikeSettings()
    {
        await using EmbeddedNode node = new(new Dictionary<string, string?>());

        OrleansConfigurationException error = await Assert.ThrowsAsync<OrleansConfigurationException>(
            () => node.StartAsync("--demo-files", "3", "--block-source", "none"));

        Assert.Contains("BlockSourceOptions.DemoFiles", error.Message, StringComparison.Ordinal);
        Assert.Contains("'none'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCommandLineSwitchNamesAKnownSection()
    {
        string[] sections = [NodeHost.NodeSection, NodeHost.ChainSection, NodeHost.StorageSection, NodeHost.SiloSection, NodeHost.GatewaySection, NodeHost.ClusterSection, NodeHost.HostSection, NodeHost.ClientSection, NodeHost.BeaconSection];
        Assert.All(NodeHost.SwitchMappings, pair =>
        {
            Assert.StartsWith("--", pair.Key, StringComparison.Ordinal);
            Assert.Contains(sections, section => pair.Value.StartsWith(section + ":", StringComparison.Ordinal));
        });
    }
}
