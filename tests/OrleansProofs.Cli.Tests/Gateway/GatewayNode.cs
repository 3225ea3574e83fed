// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Testing;

namespace OrleansProofs.Cli.Tests.Gateway;

/// <summary>
/// The real single-process node (<see cref="NodeHost.Build"/>: silo, SQLite storage, dev block source
/// every 200 ms, two demo chains, co-hosted HTTP API with multipart uploads) started once for the
/// gateway command tests on free localhost ports over a temporary data folder; posc talks to it over
/// real HTTP at <see cref="Address"/> with the operator key the node generated.
/// </summary>
public sealed class GatewayNode : IAsyncLifetime
{
    private IHost? _host;

    /// <summary>The node's data folder (holds operator.key, uploads/, the database).</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "posc-cli-node-" + Guid.NewGuid().ToString("N"));

    /// <summary>The gateway's base URL.</summary>
    public string Address { get; } = $"http://127.0.0.1:{LoopbackPorts.Reserve().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The operator key file the node generated.</summary>
    public string OperatorKeyFile => Path.Combine(DataDirectory, BearerKeyFile.OperatorKeyFileName);

    /// <summary>The node's public key.</summary>
    public ProverPublicKey Prover { get; private set; }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Dictionary<string, string?> settings = new()
        {
            [NodeHost.NodeSection + ":DataDirectory"] = DataDirectory,
            [NodeHost.ChainSection + ":Seed"] = "cli-gateway-tests",
            [NodeHost.ChainSection + ":BlockInterval"] = "00:00:00.200",
            [NodeHost.ChainSection + ":DemoFiles"] = "2",
            [NodeHost.ChainSection + ":DemoFileSize"] = "20000",
            [NodeHost.SiloSection + ":SiloPort"] = LoopbackPorts.Reserve().ToString(CultureInfo.InvariantCulture),
            [NodeHost.SiloSection + ":GatewayPort"] = LoopbackPorts.Reserve().ToString(CultureInfo.InvariantCulture),
            ["urls"] = Address,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:OrleansProofs"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        IHost host = NodeHost.Build([], configuration => configuration.AddInMemoryCollection(settings));
        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));
        await host.StartAsync(timeout.Token);
        _host = host;
        using NodeKey key = NodeKeyFile.Load(Path.Combine(DataDirectory, "node.key"));
        Prover = key.PublicKey;
    }

    /// <summary>Runs posc against this node: <c>--gateway</c> is appended unless <paramref name="args"/> name one.</summary>
    public CliRun Posc(params string[] args) =>
        CliRun.Of(args.Contains("--gateway") ? args : [.. args, "--gateway", Address]);

    /// <summary>Runs posc against this node with the operator key file.</summary>
    public CliRun PoscAsOperator(params string[] args) => Posc([.. args, "--api-key-file", OperatorKeyFile]);

    /// <summary>Polls <paramref name="args"/> (a --json command) until <paramref name="done"/> holds; fails after a minute.</summary>
    public async Task<CliRun> WaitForAsync(Func<CliRun, bool> done, params string[] args)
    {
        DateTime deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            CliRun run = Posc(args);
            if (run.ExitCode == 0 && done(run))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"posc {string.Join(' ', args)} did not reach the expected state within a minute: {run}");
            await Task.Delay(100);
        }
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(1));
            await _host.StopAsync(timeout.Token);
            _host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}

/// <summary>The collection whose tests share one <see cref="GatewayNode"/>.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayNodeCollection : ICollectionFixture<GatewayNode>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Gateway node";
}
