// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Silo.Blocks;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// The node host. By default the embedded one: one process, one silo with localhost clustering, grain
/// state in Orleans AdoNet storage on an SQLite file in the data folder, the "dev" profile and the
/// development chain, and (see <see cref="Build"/>) the HTTP API. With <c>OrleansProofs:Storage:Mode</c>
/// = cluster (<see cref="StorageMode"/>) the silo joins a cluster on a shared PostgreSQL database instead. Settings come from (later wins) built-in defaults, appsettings.json, environment variables
/// (<c>OrleansProofs__Node__DataDirectory</c>…) and the command line (see <see cref="SwitchMappings"/>).
/// </summary>
public static class NodeHost
{
    /// <summary>Configuration section of <see cref="NodeOptions"/>.</summary>
    public const string NodeSection = "OrleansProofs:Node";

    /// <summary>Configuration section of <see cref="BlockSourceOptions"/>.</summary>
    public const string ChainSection = "OrleansProofs:Chain";

    /// <summary>Configuration section of <see cref="TokenLedgerOptions"/> (the token's name and decimals).</summary>
    public const string LedgerSection = "OrleansProofs:Ledger";

    /// <summary>Configuration section of <see cref="Beacon.BeaconOptions"/> (the randomness beacon).</summary>
    public const string BeaconSection = "OrleansProofs:Beacon";

    /// <summary>Configuration section of <see cref="CheckpointOptions"/> (layer-1 checkpoints).</summary>
    public const string CheckpointSection = "OrleansProofs:Checkpoints";

    /// <summary>Configuration section of <see cref="SqliteStorageOptions"/>.</summary>
    public const string StorageSection = "OrleansProofs:Storage";

    /// <summary>Configuration section of <see cref="LocalSiloOptions"/>.</summary>
    public const string SiloSection = "OrleansProofs:Silo";

    /// <summary>Configuration section of <see cref="PostgresClusterOptions"/> (cluster mode).</summary>
    public const string ClusterSection = "OrleansProofs:Cluster";

    /// <summary>Configuration section of the co-hosted HTTP API: <c>Enabled</c> and the gateway options (<c>ApiKey</c>, <c>AdapterToken</c>, <c>MaxJsonBodyBytes</c>, <c>MaxUploadBytes</c>, <c>MaxProofBytes</c>).</summary>
    public const string GatewaySection = "OrleansProofs:Gateway";

    /// <summary>Configuration section of <see cref="Grains.Audit.VerifierOptions"/> (the provers a verifier audits).</summary>
    public const string VerifierSection = "OrleansProofs:Verifier";

    /// <summary>Configuration section of the process itself: <c>Role</c> (<see cref="ProcessRoles"/>).</summary>
    public const string HostSection = "OrleansProofs:Host";

    /// <summary>Configuration section of <see cref="GatewayClientOptions"/> (the separate gateway process's Orleans client).</summary>
    public const string ClientSection = "OrleansProofs:Client";

    /// <summary>Command-line switches and the settings they set.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--data"] = NodeSection + ":DataDirectory",
        ["--data-dir"] = NodeSection + ":DataDirectory",
        ["--profile"] = NodeSection + ":Profile",
        ["--key-file"] = NodeSection + ":KeyFilePath",
        ["--network"] = ChainSection + ":Network",
        ["--block-source"] = ChainSection + ":Source",
        ["--seed"] = ChainSection + ":Seed",
        ["--block-interval"] = ChainSection + ":BlockInterval",
        ["--demo-files"] = ChainSection + ":DemoFiles",
        ["--demo-chains"] = ChainSection + ":DemoFiles",
        ["--beacon"] = BeaconSection + ":Source",
        ["--beacon-key-file"] = BeaconSection + ":KeyFilePath",
        ["--database"] = StorageSection + ":DatabasePath",
        ["--storage-mode"] = StorageSection + ":Mode",
        ["--postgres"] = ClusterSection + ":ConnectionString",
        ["--advertised-address"] = ClusterSection + ":AdvertisedAddress",
        ["--cluster-id"] = SiloSection + ":ClusterId",
        ["--service-id"] = SiloSection + ":ServiceId",
        ["--silo-port"] = SiloSection + ":SiloPort",
        ["--gateway-port"] = SiloSection + ":GatewayPort",
        ["--gateway"] = GatewaySection + ":Enabled",
        ["--api-key"] = GatewaySection + ":ApiKey",
        ["--role"] = ProcessRoles.Setting,
        ["--node-role"] = NodeSection + ":Role",
    };

    /// <summary>Defaults that any other source overrides: the "dev" profile, and Orleans' own logs at Warning (category filters match by prefix, so OrleansProofs is set apart).</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        [NodeSection + ":Profile"] = "dev",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Orleans"] = "Warning",
        ["Logging:LogLevel:OrleansProofs"] = "Information",
        ["Logging:LogLevel:Polly"] = "Warning",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>Creates the silo-only host builder (no HTTP API) from command-line arguments.</summary>
    public static HostApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(args, configure: null);

    /// <summary>
    /// Creates the silo-only host builder (no HTTP API) from command-line arguments; <paramref name="configure"/>
    /// may add configuration sources (tests use an in-memory source) before the silo reads its settings.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string[] args, Action<IConfigurationBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(args);
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        ConfigureNode(builder, args, configure);
        return builder;
    }

    /// <summary>
    /// Builds the process of <c>OrleansProofs:Host:Role</c> (<c>--role</c>): by default the node, the silo and, unless <c>OrleansProofs:Gateway:Enabled</c> is false
    /// (<c>--gateway false</c>), the HTTP API on <c>urls</c> (<c>--urls</c>, default <see cref="NodeGateway.DefaultUrls"/>)
    /// in the same process, over the silo's own grain factory; with <c>--role gateway</c> the HTTP API alone,
    /// as an Orleans client of a PostgreSQL cluster (<see cref="GatewayProcess"/>). <paramref name="services"/>, when given, runs last on a
    /// node's service collection (tests replace adapters there, such as one token ledger shared by two nodes as a layer-1 contract is).
    /// </summary>
    public static IHost Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool gateway;
        ProcessRole role;
        using (ConfigurationManager probe = new())
        {
            AddSources(probe, Directory.GetCurrentDirectory(), args, configure);
            gateway = probe.GetValue(GatewaySection + ":Enabled", defaultValue: true);
            role = ProcessRoles.Parse(probe[ProcessRoles.Setting]);
        }

        if (role == ProcessRole.Gateway)
        {
            return GatewayProcess.Build(args, configure);
        }

        if (!gateway)
        {
            HostApplicationBuilder silo = CreateBuilder(args, configure);
            services?.Invoke(silo.Services);
            return silo.Build();
        }

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        ConfigureNode(builder, args, configure);
        NodeGateway.Add(builder);
        services?.Invoke(builder.Services);
        WebApplication app = builder.Build();
        app.MapOrleansProofsApi();
        return app;
    }

    /// <summary>Adds the node's configuration sources (defaults, appsettings.json, environment, command line, then <paramref name="configure"/>) in precedence order.</summary>
    internal static void AddSources(IConfigurationBuilder configuration, string contentRoot, string[] args, Action<IConfigurationBuilder>? configure)
    {
        configuration.Sources.Add(new MemoryConfigurationSource { InitialData = Defaults });
        configuration
            .AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args, SwitchMappings.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase));
        configure?.Invoke(configuration);
    }

    /// <summary>Console logging, one line per entry with the time, filtered by the <c>Logging</c> section (every process of the executable logs alike).</summary>
    internal static void AddLogging(IHostApplicationBuilder builder) =>
        builder.Logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });

    private static void ConfigureNode(IHostApplicationBuilder builder, string[] args, Action<IConfigurationBuilder>? configure)
    {
        AddSources(builder.Configuration, builder.Environment.ContentRootPath, args, configure);
        AddLogging(builder);

        IConfiguration configuration = builder.Configuration;
        LocalSiloOptions local = new();
        configuration.GetSection(SiloSection).Bind(local);
        StorageMode mode = StorageModes.Parse(configuration[StorageModes.Setting]);
        PostgresClusterOptions? cluster = null;
        if (mode == StorageMode.Cluster)
        {
            cluster = new PostgresClusterOptions();
            configuration.GetSection(ClusterSection).Bind(cluster);
            cluster.Validate(local);
        }

        builder.UseOrleans(silo =>
        {
            if (cluster is null)
            {
                silo.UseLocalhostClustering(local.SiloPort, local.GatewayPort, serviceId: local.ServiceId, clusterId: local.ClusterId)
                    .AddOrleansProofsSqliteStorage(options => configuration.GetSection(StorageSection).Bind(options));
            }
            else
            {
                silo.Configure<ClusterOptions>(options =>
                    {
                        options.ClusterId = local.ClusterId;
                        options.ServiceId = local.ServiceId;
                    })
                    .ConfigureEndpoints(cluster.AdvertisedIPAddress, local.SiloPort, local.GatewayPort, listenOnAnyHostAddress: true)
                    .AddOrleansProofsPostgres(cluster);
            }

            silo.Configure<TokenLedgerOptions>(options => configuration.GetSection(LedgerSection).Bind(options));
            silo.Configure<CheckpointOptions>(options => configuration.GetSection(CheckpointSection).Bind(options));
            silo.Configure<Beacon.BeaconOptions>(options => configuration.GetSection(BeaconSection).Bind(options));
            silo.Configure<Grains.Audit.VerifierOptions>(options => configuration.GetSection(VerifierSection).Bind(options));
            silo.AddOrleansProofsNode(options => configuration.GetSection(NodeSection).Bind(options))
                .AddOrleansProofsBlockSource(options => configuration.GetSection(ChainSection).Bind(options));
        });
    }
}
