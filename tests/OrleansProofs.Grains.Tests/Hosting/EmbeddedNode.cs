// SPDX-License-Identifier: MIT

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Testing;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The embedded default host (<see cref="NodeHost.Build"/>) started in-process on free localhost ports
/// with its data folder, node key and SQLite database in <see cref="DataDirectory"/>; the HTTP API
/// is on (at <see cref="ApiAddress"/>) only when asked for. Stopping and starting it again on the same
/// folder is a restart: nothing survives but the files.
/// </summary>
public sealed class EmbeddedNode : IAsyncDisposable
{
    private IHost? _host;

    /// <summary>A node over a new temporary data folder with the given settings (keys as in configuration); <paramref name="api"/> turns the co-hosted HTTP API on.</summary>
    public EmbeddedNode(IReadOnlyDictionary<string, string?> settings, bool api = false)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "posc-node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Settings = new Dictionary<string, string?>(settings) { [NodeHost.NodeSection + ":DataDirectory"] = DataDirectory };
        if (!api)
        {
            // Set only to turn it off: with the API on, the command line's --gateway still decides.
            Settings[NodeHost.GatewaySection + ":Enabled"] = "false";
        }

        ApiAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Reserve().ToString(System.Globalization.CultureInfo.InvariantCulture)}/");
        Settings["urls"] = ApiAddress.ToString().TrimEnd('/');
    }

    /// <summary>Where the HTTP API listens when it is on (the same port across restarts).</summary>
    public Uri ApiAddress { get; }

    /// <summary>The node's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The settings every start uses (ports are added per start).</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <summary>Changes to the node's services on every start (a shared ledger, injected faults), or null.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "orleans.db");

    /// <summary>The running host's services.</summary>
    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("The node is not running.")).Services;

    /// <summary>The running silo's grain factory.</summary>
    public IGrainFactory Grains => (_host ?? throw new InvalidOperationException("The node is not running.")).Services.GetRequiredService<IGrainFactory>();

    /// <summary>The node's public key, read from its key file.</summary>
    public ProverPublicKey Prover
    {
        get
        {
            using NodeKey key = NodeKeyFile.Load(Path.Combine(DataDirectory, "node.key"));
            return key.PublicKey;
        }
    }

    /// <summary>Builds and starts the host on new free ports, with <paramref name="args"/> as its command line.</summary>
    public async Task StartAsync(params string[] args)
    {
        if (_host is not null)
        {
            throw new InvalidOperationException("The node is already running.");
        }

        Dictionary<string, string?> settings = new(Settings)
        {
            [NodeHost.SiloSection + ":SiloPort"] = LoopbackPorts.Reserve().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [NodeHost.SiloSection + ":GatewayPort"] = LoopbackPorts.Reserve().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        IHost host = NodeHost.Build(args, configuration => configuration.AddInMemoryCollection(settings), ConfigureServices);
        try
        {
            using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        _host = host;
    }

    /// <summary>Stops the host gracefully (grains deactivate) and releases it.</summary>
    public async Task StopAsync()
    {
        if (_host is null)
        {
            return;
        }

        IHost host = _host;
        _host = null;
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(1));
        await host.StopAsync(timeout.Token);
        host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Runs <paramref name="sql"/> against the node's database and returns the rows.</summary>
    public List<object?[]> Query(string sql)
    {
        using SqliteConnection connection = new(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        List<object?[]> rows = [];
        while (reader.Read())
        {
            object?[] row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
