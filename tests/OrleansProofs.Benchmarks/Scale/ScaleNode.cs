// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>
/// The real embedded node (<see cref="NodeHost.Build"/>: one silo, SQLite through Orleans AdoNet, the
/// node key in the data folder) with no block source and no HTTP API: the runner announces blocks
/// itself through the block ingress grain, exactly as an adapter does.
/// </summary>
internal sealed class ScaleNode : IAsyncDisposable
{
    public const string Network = "scale";

    private readonly IHost _host;

    private ScaleNode(IHost host, string dataDirectory)
    {
        _host = host;
        DataDirectory = dataDirectory;
    }

    /// <summary>The node's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The SQLite database and its write-ahead log, in bytes.</summary>
    public long DatabaseBytes =>
        new[] { "orleans.db", "orleans.db-wal" }.Select(name => new FileInfo(Path.Combine(DataDirectory, name))).Where(f => f.Exists).Sum(f => f.Length);

    public static async Task<ScaleNode> StartAsync(string dataDirectory, ScaleOptions options)
    {
        if (options.Storage != "sqlite")
        {
            throw new ArgumentException("--storage postgres needs the cluster mode, which this build does not have yet; use --storage sqlite.", "--storage");
        }

        Dictionary<string, string?> settings = new()
        {
            [NodeHost.NodeSection + ":DataDirectory"] = dataDirectory,
            [NodeHost.NodeSection + ":Profile"] = options.Profile,
            [NodeHost.ChainSection + ":Network"] = Network,
            [NodeHost.ChainSection + ":Source"] = "none",

            // Every profile: the scale run registers thousands of chains, each with its registration bond.
            [NodeHost.LedgerSection + ":NodeFunding"] = "1000000000000",
            [NodeHost.GatewaySection + ":Enabled"] = "false",
            [NodeHost.SiloSection + ":SiloPort"] = FreePort(),
            [NodeHost.SiloSection + ":GatewayPort"] = FreePort(),
            ["Logging:LogLevel:OrleansProofs"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        IHost host = NodeHost.Build([], configuration => configuration.AddInMemoryCollection(settings));
        await host.StartAsync();
        return new ScaleNode(host, dataDirectory);
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

    private static string FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
