// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Testing;

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>
/// The real node (<see cref="NodeHost.Build"/>: one silo, SQLite through Orleans AdoNet — or, with
/// <c>--storage postgres</c>, the cluster mode on PostgreSQL —, the node key in the data folder) with no block source and no HTTP API: the runner announces blocks
/// itself through the block ingress grain, exactly as an adapter does.
/// </summary>
internal sealed class ScaleNode : IAsyncDisposable
{
    public const string Network = "scale";

    private readonly IHost _host;

    private readonly string? _postgresConnectionString;

    private ScaleNode(IHost host, string dataDirectory, string? postgresConnectionString)
    {
        _host = host;
        DataDirectory = dataDirectory;
        _postgresConnectionString = postgresConnectionString;
    }

    /// <summary>The node's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// The database's size in bytes: the SQLite file and its write-ahead log, or PostgreSQL's
    /// <c>pg_database_size</c> (the whole database, shared by every service id in it).
    /// </summary>
    public async Task<long> DatabaseBytesAsync()
    {
        if (_postgresConnectionString is null)
        {
            return new[] { "orleans.db", "orleans.db-wal" }.Select(name => new FileInfo(Path.Combine(DataDirectory, name))).Where(f => f.Exists).Sum(f => f.Length);
        }

        await using NpgsqlConnection connection = new(_postgresConnectionString);
        await connection.OpenAsync();
        await using NpgsqlCommand command = new("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<ScaleNode> StartAsync(string dataDirectory, ScaleOptions options)
    {
        Dictionary<string, string?> settings = new()
        {
            [NodeHost.NodeSection + ":DataDirectory"] = dataDirectory,
            [NodeHost.NodeSection + ":Profile"] = options.Profile,
            [NodeHost.NodeSection + ":VdfEnabled"] = options.Vdf ? "true" : "false",
            [NodeHost.ChainSection + ":Network"] = Network,
            [NodeHost.ChainSection + ":Source"] = "none",

            [NodeHost.GatewaySection + ":Enabled"] = "false",
            [NodeHost.SiloSection + ":SiloPort"] = LoopbackPorts.Reserve().ToString(CultureInfo.InvariantCulture),
            [NodeHost.SiloSection + ":GatewayPort"] = LoopbackPorts.Reserve().ToString(CultureInfo.InvariantCulture),
            // Every registration posts its bond (100 units) from the node's account: fund it as a dev network is.
            [NodeHost.LedgerSection + ":NodeFunding"] = "1000000000000",
            ["Logging:LogLevel:OrleansProofs"] = "Warning",
            // The start-up warm-up's one line says how much of the replicas it asked the kernel to read ahead.
            ["Logging:LogLevel:OrleansProofs.Grains.Hosting.ReplicaWarmup"] = "Information",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        if (options.Storage == "postgres")
        {
            // The cluster mode with one silo: the same grains, with grain state, the commitment log and
            // clustering on PostgreSQL instead of SQLite. A fresh service id per data folder keeps runs apart.
            settings[StorageModes.Setting] = "cluster";
            settings[NodeHost.ClusterSection + ":ConnectionString"] = options.PostgresConnectionString;
            settings[NodeHost.ClusterSection + ":AdvertisedAddress"] = "127.0.0.1";
            settings[NodeHost.SiloSection + ":ClusterId"] = "scale";
            settings[NodeHost.SiloSection + ":ServiceId"] = "scale-" + Path.GetFileName(dataDirectory.TrimEnd(Path.DirectorySeparatorChar));
        }

        IHost host = NodeHost.Build([], configuration => configuration.AddInMemoryCollection(settings));
        await host.StartAsync();
        return new ScaleNode(host, dataDirectory, options.Storage == "postgres" ? options.PostgresConnectionString : null);
    }

    /// <summary>The node's public key, read from the key file the silo created.</summary>
    public ProverPublicKey Prover()
    {
        using NodeKey key = NodeKeyFile.Load(Path.Combine(DataDirectory, "node.key"));
        return key.PublicKey;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
