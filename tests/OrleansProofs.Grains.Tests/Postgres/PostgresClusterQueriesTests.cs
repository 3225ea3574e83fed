// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Grains.Tests.Hosting;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Postgres;

/// <summary>
/// The reminder and membership queries of infra/sql/postgresql through the Orleans providers that use
/// them, on a cluster-mode silo: the reminder table's upsert, reads (by grain, by name, and both kinds
/// of hash range) and versioned delete; the membership table as Orleans reads it; and a separate Orleans
/// client (as a gateway process would be) finding the silo through the gateways query alone.
/// </summary>
public sealed class PostgresClusterQueriesTests
{
    [PostgresFact]
    public async Task RemindersMembershipAndGatewaysWorkThroughTheProviders()
    {
        await using PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();
        string cluster = "posc-q-" + schema.Name;
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [StorageModes.Setting] = "cluster",
            [NodeHost.ClusterSection + ":ConnectionString"] = schema.ConnectionString,
            [NodeHost.SiloSection + ":ClusterId"] = cluster,
            [NodeHost.SiloSection + ":ServiceId"] = cluster,
            [NodeHost.ChainSection + ":Source"] = BlockSourceOptions.NoSource,
            [NodeHost.ChainSection + ":Network"] = "pg-queries",
        });
        await node.StartAsync();

        // Reminders: the provider's own table API, end to end against the SQL.
        IReminderTable reminders = node.Services.GetRequiredService<IReminderTable>();
        GrainId grain = GrainId.Create("test", "reminder-grain");
        DateTime start = new(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        string etag = Assert.IsType<string>(await reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "tick", StartAt = start, Period = TimeSpan.FromMinutes(5) }));
        string etag2 = Assert.IsType<string>(await reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "tock", StartAt = start, Period = TimeSpan.FromDays(30) }));
        Assert.NotEqual(etag, await reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "tick", StartAt = start, Period = TimeSpan.FromMinutes(6) }));

        ReminderEntry tick = Assert.IsType<ReminderEntry>(await reminders.ReadRow(grain, "tick"));
        Assert.Equal(TimeSpan.FromMinutes(6), tick.Period);
        Assert.Equal(start, tick.StartAt.ToUniversalTime());
        Assert.Equal(TimeSpan.FromDays(30), Assert.IsType<ReminderEntry>(await reminders.ReadRow(grain, "tock")).Period);
        Assert.Equal(["tick", "tock"], (await reminders.ReadRows(grain)).Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        uint hash = grain.GetUniformHashCode();
        Assert.Equal(2, (await reminders.ReadRows(hash - 1, hash)).Reminders.Count);        // (begin, end]: includes the hash
        Assert.Empty((await reminders.ReadRows(hash, hash + 1)).Reminders);                  // excludes it
        Assert.Equal(2, (await reminders.ReadRows(hash + 1, hash)).Reminders.Count);        // the wrapped range covers it
        Assert.False(await reminders.RemoveRow(grain, "tock", etag2 + "1"));
        Assert.True(await reminders.RemoveRow(grain, "tock", etag2));
        Assert.Equal(["tick"], (await reminders.ReadRows(grain)).Reminders.Select(r => r.ReminderName));

        // Membership as Orleans reads it: this silo, Active, with its gateway port.
        IMembershipTable membership = node.Services.GetRequiredService<IMembershipTable>();
        MembershipTableData table = await membership.ReadAllAsync(CancellationToken.None);
        (MembershipEntry self, _) = Assert.Single(table.Members);
        Assert.Equal(SiloStatus.Active, self.Status);
        Assert.True(self.ProxyPort > 0);
        Assert.True(table.Version.Version > 0);

        // A separate client process's view: it knows only the database and the cluster id.
        using IHost client = Host.CreateApplicationBuilder().UseOrleansClientHost(schema.ConnectionString, cluster);
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(1));
        await client.StartAsync(timeout.Token);
        IClusterClient clusterClient = client.Services.GetRequiredService<IClusterClient>();
        Assert.Null(await clusterClient.GetGrain<IBlockIngressGrain>("pg-queries").GetLatestAsync());
        await client.StopAsync(timeout.Token);
    }
}

/// <summary>Builds an Orleans client host that finds its gateways through the AdoNet gateways query on PostgreSQL.</summary>
internal static class PostgresClientHost
{
    /// <summary>The built (not started) client host for <paramref name="clusterId"/> on <paramref name="connectionString"/>.</summary>
    public static IHost UseOrleansClientHost(this HostApplicationBuilder builder, string connectionString, string clusterId)
    {
        builder.UseOrleansClient(client => client
            .Configure<Orleans.Configuration.ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = clusterId;
            })
            .UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresSchema.Invariant;
                options.ConnectionString = connectionString;
            }));
        return builder.Build();
    }
}
