// SPDX-License-Identifier: MIT

using Npgsql;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Grains.Tests.Hosting;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Grains.Tests.Postgres;

/// <summary>
/// One silo's connections to PostgreSQL stay within <see cref="PostgresClusterOptions.MaxConnections"/>: at
/// 100,000 chains the unbounded pools (Npgsql's default of 100 each, Orleans' and the node's own) outgrew the
/// server's limit when every chain grain activated at once, and grain reads failed.
/// </summary>
public sealed class PostgresConnectionBudgetTests
{
    [Fact]
    public void TheBudgetIsSplitBetweenTheNodesTablesAndOrleans()
    {
        PostgresClusterOptions options = new() { ConnectionString = "Host=db;Database=posc;Maximum Pool Size=500", MaxConnections = 40 };

        Assert.Equal(10, options.NodeTableConnections);
        Assert.Equal(30, new NpgsqlConnectionStringBuilder(options.OrleansConnectionString).MaxPoolSize);
        Assert.Equal(10, new NpgsqlConnectionStringBuilder(options.NodeTablesConnectionString).MaxPoolSize);
        Assert.Equal("db", new NpgsqlConnectionStringBuilder(options.OrleansConnectionString).Host);
        Assert.Equal(2, new PostgresClusterOptions { ConnectionString = "Host=db;Database=posc", MaxConnections = 5 }.NodeTableConnections);
    }

    [Fact]
    public void ABudgetTooSmallForBothPoolsIsRefusedAtStart()
    {
        OrleansConfigurationException refused = Assert.Throws<OrleansConfigurationException>(() =>
            new PostgresClusterOptions { ConnectionString = "Host=db;Database=posc", MaxConnections = 3 }.Validate(new LocalSiloOptions()));
        Assert.Contains("OrleansProofs:Cluster:MaxConnections must be at least 4", refused.Message, StringComparison.Ordinal);
        Assert.Contains("got 3", refused.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ManyChainActivationsAtOnceStayWithinTheBudget()
    {
        const int Budget = 6;
        await using PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();
        string application = "posc-budget-" + schema.Name;
        string cluster = "posc-test-" + schema.Name;
        string connectionString = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { ApplicationName = application }.ToString();
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [StorageModes.Setting] = "cluster",
            [NodeHost.ClusterSection + ":ConnectionString"] = connectionString,
            [NodeHost.ClusterSection + ":MaxConnections"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [NodeHost.SiloSection + ":ClusterId"] = cluster,
            [NodeHost.SiloSection + ":ServiceId"] = cluster,
            [NodeHost.ChainSection + ":Source"] = BlockSourceOptions.NoSource,
            [NodeHost.ChainSection + ":Network"] = "pg-budget",
        });
        await node.StartAsync();

        // Each activation reads its grain state: 600 at once ask Orleans' pool for as many connections.
        int most = 0;
        using CancellationTokenSource sampling = new();
        Task sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                most = Math.Max(most, await CountConnectionsAsync(schema, application));
                await Task.Delay(20);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, 600).Select(i => node.Grains.GetGrain<IChainGrain>(TestChainId(i)).GetInfoAsync()));
        await sampling.CancelAsync();
        await sampler;
        most = Math.Max(most, await CountConnectionsAsync(schema, application));

        Assert.InRange(most, 1, Budget);
    }

    private static string TestChainId(int i) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));

    private static async Task<int> CountConnectionsAsync(PostgresTestSchema schema, string application) =>
        (int)(long)(await schema.QueryAsync($"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{application}'"))[0][0]!;
}
