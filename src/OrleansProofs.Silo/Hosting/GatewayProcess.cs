// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansProofs.Gateway.Status;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// The separate gateway process (<c>--role gateway</c>): the HTTP API as an Orleans client of a cluster
/// on PostgreSQL. It hosts no grains; it finds the silos' gateway endpoints through the AdoNet membership
/// table (invariant Npgsql) of <c>OrleansProofs:Cluster:ConnectionString</c> with the silos'
/// <c>ClusterId</c>/<c>ServiceId</c>, serves <c>OrleansProofs:Chain:Network</c>, and writes uploads to the
/// shared data volume <c>OrleansProofs:Node:DataDirectory</c>, where it also finds (or creates) the
/// operator and adapter key files the silos' co-hosted APIs use.
/// </summary>
/// <remarks>
/// It is a role of the silo executable rather than a project of its own so that both processes read the
/// same settings, with the same switches, validation and key-file handling, and one build (one container
/// image) runs every process of a cluster. At start it waits, retrying, until a silo answers; afterwards
/// a lost silo or cluster turns requests into retryable 503 problems until a silo answers again.
/// </remarks>
public static class GatewayProcess
{
    /// <summary>Builds the gateway process from its command line; <paramref name="configure"/> may add configuration sources.</summary>
    /// <exception cref="OrleansConfigurationException">A setting is missing or invalid; the message names it.</exception>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        NodeHost.AddSources(builder.Configuration, builder.Environment.ContentRootPath, args, configure);
        NodeHost.AddLogging(builder);
        GatewayProcessSettings settings = GatewayProcessSettings.Read(builder.Configuration);

        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = settings.ClusterId;
                options.ServiceId = settings.ServiceId;
            })
            .UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresSchema.Invariant;
                options.ConnectionString = settings.ConnectionString;
            })
            .Configure<ClientMessagingOptions>(options => options.ResponseTimeout = settings.Client.ResponseTimeout)
            .Configure<Orleans.Configuration.GatewayOptions>(options => options.GatewayListRefreshPeriod = settings.Client.GatewayListRefreshPeriod)
            .UseConnectionRetryFilter<ClusterConnectionRetryFilter>());

        string? urls = builder.Configuration["urls"];
        builder.WebHost.UseKestrelCore().UseUrls(string.IsNullOrWhiteSpace(urls) ? NodeGateway.DefaultUrls : urls);
        builder.Services.AddRouting();
        builder.Services.AddSingleton(settings);
        IConfiguration section = builder.Configuration.GetSection(NodeHost.GatewaySection);
        builder.Services.AddOrleansProofsGateway(options => section.Bind(options));
        builder.Services.AddSingleton<IConfigureOptions<OrleansProofs.Gateway.Hosting.GatewayOptions>, GatewayProcessOptionsSetup>();
        builder.Services.Configure<ReadinessOptions>(options => options.BlockInterval ??= settings.BlockInterval);
        builder.Services.AddHostedService<NodeGatewayAnnouncer>();
        WebApplication app = builder.Build();
        app.MapOrleansProofsApi();
        return app;
    }
}

/// <summary>The gateway process's validated settings (<see cref="Read"/>).</summary>
/// <param name="ConnectionString">The cluster database (never logged; see <see cref="Server"/>).</param>
/// <param name="ClusterId">The silos' cluster id.</param>
/// <param name="ServiceId">The silos' service id.</param>
/// <param name="Network">The network served.</param>
/// <param name="DataDirectory">The shared data volume, full path.</param>
/// <param name="BlockInterval">The block interval the health check judges freshness by, or null for the profile's.</param>
/// <param name="Client">How the Orleans client talks to the cluster.</param>
public sealed record GatewayProcessSettings(
    string ConnectionString,
    string ClusterId,
    string ServiceId,
    string Network,
    string DataDirectory,
    TimeSpan? BlockInterval,
    GatewayClientOptions Client)
{
    /// <summary>The database as logs may show it: host, port, database and user, no password.</summary>
    public string Server => PostgresSchema.Describe(ConnectionString);

    /// <summary>Reads and checks the settings; each error names the setting and never repeats the connection string.</summary>
    /// <exception cref="OrleansConfigurationException">A setting is missing or invalid.</exception>
    public static GatewayProcessSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string WhenGateway = $"when {ProcessRoles.Setting} is 'gateway'";
        if (!string.IsNullOrWhiteSpace(configuration[StorageModes.Setting]) && StorageModes.Parse(configuration[StorageModes.Setting]) != StorageMode.Cluster)
        {
            throw new OrleansConfigurationException(
                $"{StorageModes.Setting} must be 'cluster' (or unset) {WhenGateway}: a separate gateway reaches silos through a PostgreSQL membership table; the embedded node co-hosts its API instead.");
        }

        PostgresClusterOptions cluster = new();
        configuration.GetSection(NodeHost.ClusterSection).Bind(cluster);
        cluster.ValidateConnectionString(WhenGateway);

        LocalSiloOptions ids = new();
        configuration.GetSection(NodeHost.SiloSection).Bind(ids);
        if (string.IsNullOrWhiteSpace(ids.ClusterId))
        {
            throw new OrleansConfigurationException($"{NodeHost.SiloSection}:ClusterId must not be empty: it must equal the silos' cluster id.");
        }

        if (string.IsNullOrWhiteSpace(ids.ServiceId))
        {
            throw new OrleansConfigurationException($"{NodeHost.SiloSection}:ServiceId must not be empty: it must equal the silos' service id.");
        }

        BlockSourceOptions chain = new();
        configuration.GetSection(NodeHost.ChainSection).Bind(chain);
        if (string.IsNullOrEmpty(chain.Network) || chain.Network.Length > BlockSourceOptions.MaxNetworkLength
            || !chain.Network.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new OrleansConfigurationException(
                $"{NodeHost.ChainSection}:Network must be 1 to {BlockSourceOptions.MaxNetworkLength} letters, digits, '.', '_' or '-' (the silos' network); got '{chain.Network}'.");
        }

        if (chain.BlockInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new OrleansConfigurationException($"{NodeHost.ChainSection}:BlockInterval must be greater than zero when set; got {interval}.");
        }

        string? data = configuration[NodeHost.NodeSection + ":DataDirectory"];
        data = string.IsNullOrWhiteSpace(data) ? "data" : data;
        string full = Path.GetFullPath(data);
        if (File.Exists(full))
        {
            throw new OrleansConfigurationException($"{NodeHost.NodeSection}:DataDirectory must be a folder (the silos' shared data volume); '{full}' is a file.");
        }

        GatewayClientOptions client = new();
        configuration.GetSection(NodeHost.ClientSection).Bind(client);
        client.Validate();
        return new GatewayProcessSettings(cluster.ConnectionString!, ids.ClusterId, ids.ServiceId, chain.Network, full, chain.BlockInterval, client);
    }
}
