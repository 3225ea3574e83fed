// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Grains.Tests.Hosting;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Postgres;

/// <summary>
/// The node host in cluster mode (<c>OrleansProofs:Storage:Mode = cluster</c>) on a real PostgreSQL:
/// the silo migrates the database, joins through the AdoNet membership table, keeps grain state and the
/// commitment log in PostgreSQL (checked in the database itself), and after a full stop a new silo on
/// the same database carries every chain on: same head, same block records, the next block links to
/// the last published root.
/// </summary>
public sealed class PostgresClusterRestartTests
{
    private const string Seed = "pg-restart-seed";

    [PostgresFact]
    public async Task ChainsContinueWithEqualRootsAfterTheSiloRestarts()
    {
        const string Network = "pg-restart";
        await using PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();
        string cluster = "posc-test-" + schema.Name;
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [StorageModes.Setting] = "cluster",
            [NodeHost.ClusterSection + ":ConnectionString"] = schema.ConnectionString,
            [NodeHost.SiloSection + ":ClusterId"] = cluster,
            [NodeHost.SiloSection + ":ServiceId"] = cluster,
            [NodeHost.ChainSection + ":Source"] = BlockSourceOptions.NoSource,
            [NodeHost.ChainSection + ":Network"] = Network,
        });
        await node.StartAsync();

        // The silo applied the schema and registered itself in the membership table as Active (3).
        Assert.Equal(PostgresSchema.LatestVersion, (int)(await schema.QueryAsync("SELECT MAX(Version) FROM OrleansProofsSchema"))[0][0]!);
        Assert.Equal([3], (await schema.QueryAsync($"SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = '{cluster}'")).Select(r => (int)r[0]!));

        IBlockIngressGrain ingress = node.Grains.GetGrain<IBlockIngressGrain>(Network);
        Assert.True((await ingress.OnBlockAsync(Block(Network, 1))).IsAccepted);
        List<Hash32> chainIds = [];
        for (int i = 0; i < 3; i++)
        {
            string file = $"pg-restart-{i}.bin";
            byte[] bytes = new byte[30_000 + (i * 5_000)];
            new Random(11 + i).NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(node.DataDirectory, file), bytes);
            Hash32 chainId = ChainId.Compute(DataHash.Compute(Path.Combine(node.DataDirectory, file)), node.Prover);
            await node.Grains.GetGrain<IChainGrain>(chainId.ToString()).RegisterAsync(new ChainRegistrationRequest(file, Network));
            chainIds.Add(chainId);
        }

        for (ulong height = 2; height <= 6; height++)
        {
            Assert.Equal(BlockOutcome.Recorded, (await ingress.OnBlockAsync(Block(Network, height))).Outcome);
        }

        Dictionary<Hash32, ChainInfo> before = [];
        foreach (Hash32 chainId in chainIds)
        {
            before[chainId] = await node.Grains.GetGrain<IChainGrain>(chainId.ToString()).GetInfoAsync();
        }

        List<BlockRecord> recordsBefore = [];
        for (ulong height = 2; height <= 6; height++)
        {
            recordsBefore.Add((await ingress.GetBlockAsync(height))!);
        }

        Assert.All(recordsBefore, record => Assert.Equal(3UL, record.TotalChains));
        await node.StopAsync();

        // The state is in PostgreSQL: the ingress and the chains in OrleansStorage, every chain's
        // record of every block in the commitment log, and the stopped silo marked Dead (6).
        List<object?[]> grains = await schema.QueryAsync("SELECT GrainTypeString, GrainIdExtensionString, octet_length(PayloadBinary) FROM OrleansStorage ORDER BY GrainTypeString, GrainIdExtensionString");
        Assert.Equal(chainIds.Select(c => c.ToString()).Order(StringComparer.Ordinal), grains.Where(r => (string)r[0]! == "chain").Select(r => (string)r[1]!));
        Assert.Contains(grains, r => (string)r[0]! == "ingress" && (string)r[1]! == Network && (int)r[2]! > 0);
        List<object?[]> logged = await schema.QueryAsync($"SELECT Height, count(*) FROM OrleansProofsCommitments WHERE Network = '{Network}' GROUP BY Height ORDER BY Height");
        Assert.Equal([(2L, 3L), (3L, 3L), (4L, 3L), (5L, 3L), (6L, 3L)], logged.Select(r => ((long)r[0]!, (long)r[1]!)));
        Assert.Equal([6], (await schema.QueryAsync($"SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = '{cluster}'")).Select(r => (int)r[0]!));

        await node.StartAsync();
        ingress = node.Grains.GetGrain<IBlockIngressGrain>(Network);
        foreach (Hash32 chainId in chainIds)
        {
            ChainInfo after = await node.Grains.GetGrain<IChainGrain>(chainId.ToString()).GetInfoAsync();
            Assert.Equal(ChainStatus.Active, after.Status);
            Assert.Equal(before[chainId].HeadCommitment, after.HeadCommitment);
            Assert.Equal(before[chainId].ChainLength, after.ChainLength);
            Assert.True(before[chainId].Window.SequenceEqual(after.Window), $"Chain {chainId}: the proof window read back differs.");
        }

        for (ulong height = 2; height <= 6; height++)
        {
            BlockRecord recordAfter = (await ingress.GetBlockAsync(height))!;
            BlockRecord recordBefore = recordsBefore[(int)height - 2];
            Assert.Equal(recordBefore.GlobalRoot, recordAfter.GlobalRoot);
            Assert.Equal(recordBefore.Signature.ToArray(), recordAfter.Signature.ToArray());
        }

        Assert.Equal(BlockOutcome.Duplicate, (await ingress.OnBlockAsync(Block(Network, 6))).Outcome);
        BlockResult next = await ingress.OnBlockAsync(Block(Network, 7));
        Assert.Equal(BlockOutcome.Recorded, next.Outcome);
        Assert.Equal(recordsBefore[^1].GlobalRoot, next.Record!.PreviousGlobalRoot);
        Assert.Equal(3UL, next.Record.TotalChains);
        Assert.Equal(0UL, next.Record.Faults);
        foreach (Hash32 chainId in chainIds)
        {
            IChainGrain chain = node.Grains.GetGrain<IChainGrain>(chainId.ToString());
            Assert.Equal(before[chainId].ChainLength + 1, (await chain.GetInfoAsync()).ChainLength);
            Assert.Equal(before[chainId].HeadCommitment, (await chain.GetRecordAsync(7))!.PreviousCommitment);
        }

        // Two silos ran, one after the other: the new one is Active, the old one stays Dead.
        List<object?[]> members = await schema.QueryAsync($"SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = '{cluster}' ORDER BY StartTime");
        Assert.Equal([6, 3], members.Select(r => (int)r[0]!));
    }

    [Fact]
    public void ClusterModeOptionsAreValidatedNamingTheSettingWithoutRepeatingThePassword()
    {
        LocalSiloOptions silo = new();
        OrleansConfigurationException missing = Assert.Throws<OrleansConfigurationException>(() => new PostgresClusterOptions().Validate(silo));
        Assert.Contains("OrleansProofs:Cluster:ConnectionString is required", missing.Message, StringComparison.Ordinal);

        OrleansConfigurationException bad = Assert.Throws<OrleansConfigurationException>(() =>
            new PostgresClusterOptions { ConnectionString = "Host=db;Database=posc;Password=hunter2;Nonsense=1" }.Validate(silo));
        Assert.Contains("OrleansProofs:Cluster:ConnectionString", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", bad.Message, StringComparison.Ordinal);

        OrleansConfigurationException noDatabase = Assert.Throws<OrleansConfigurationException>(() =>
            new PostgresClusterOptions { ConnectionString = "Host=db;Password=hunter2" }.Validate(silo));
        Assert.Contains("Database=", noDatabase.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", noDatabase.Message, StringComparison.Ordinal);

        OrleansConfigurationException address = Assert.Throws<OrleansConfigurationException>(() =>
            new PostgresClusterOptions { ConnectionString = "Host=db;Database=posc", AdvertisedAddress = "0.0.0.0" }.Validate(silo));
        Assert.Contains("OrleansProofs:Cluster:AdvertisedAddress", address.Message, StringComparison.Ordinal);

        OrleansConfigurationException ports = Assert.Throws<OrleansConfigurationException>(() =>
            new PostgresClusterOptions { ConnectionString = "Host=db;Database=posc" }.Validate(new LocalSiloOptions { SiloPort = 5000, GatewayPort = 5000 }));
        Assert.Contains("OrleansProofs:Silo:SiloPort and OrleansProofs:Silo:GatewayPort must differ", ports.Message, StringComparison.Ordinal);

        OrleansConfigurationException mode = Assert.Throws<OrleansConfigurationException>(() => StorageModes.Parse("postgres"));
        Assert.Contains("OrleansProofs:Storage:Mode", mode.Message, StringComparison.Ordinal);
        Assert.Equal(StorageMode.Embedded, StorageModes.Parse(null));
        Assert.Equal(StorageMode.Cluster, StorageModes.Parse("Cluster"));

        // The host refuses to build in cluster mode without a connection string, naming the setting.
        OrleansConfigurationException host = Assert.Throws<OrleansConfigurationException>(() => NodeHost.Build(
            ["--storage-mode", "cluster", "--gateway", "false"]));
        Assert.Contains("OrleansProofs:Cluster:ConnectionString is required", host.Message, StringComparison.Ordinal);
    }

    private static BlockAnnouncement Block(string network, ulong height) =>
        new(height, DevBlockSource.HashAt(Seed, network, height), 1_700_000_000 + 2 * height);
}
