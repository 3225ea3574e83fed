// SPDX-License-Identifier: MIT

using Orleans.TestingHost;
using OrleansProofs.Core.Signatures;
using Microsoft.Extensions.DependencyInjection;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>
/// One in-process silo shared by a test collection ("Cluster"): memory grain storage, a memory
/// commitment log with injectable outages (<see cref="FaultInjectingCommitmentLog"/>), the
/// "dev" profile, and a temporary data folder with a node key written before the silo starts.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private const string DataDirectoryKey = "OrleansProofs:Tests:DataDirectory";
    private const string VdfEnabledKey = "OrleansProofs:Tests:VdfEnabled";

    private readonly bool _vdfEnabled = true;

    /// <summary>The shared fixture: the node runs its VDF (NodeOptions.VdfEnabled on, the default).</summary>
    public ClusterFixture()
    {
    }

    private ClusterFixture(bool vdfEnabled) => _vdfEnabled = vdfEnabled;

    /// <summary>A fixture (for one test to initialize and dispose) whose node has its VDF switched off.</summary>
    public static ClusterFixture WithoutVdf() => new(vdfEnabled: false);

    /// <summary>The node's data folder (registered files go here; replicas under "replicas").</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "posc-grains-" + Guid.NewGuid().ToString("N"));

    /// <summary>The node's public key (the prover of every chain).</summary>
    public ProverPublicKey Prover { get; private set; }

    /// <summary>The cluster.</summary>
    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>The silo's token ledger (the memory ledger; the node's account is funded at start, docs/ledger.md).</summary>
    public Abstractions.Adapters.ITokenLedger Ledger =>
        Cluster.GetSiloServiceProvider().GetRequiredService<Abstractions.Adapters.ITokenLedger>();

    /// <summary>Where the node writes the replica of <paramref name="chainId"/>.</summary>
    public string ReplicaPath(Core.Hashing.Hash32 chainId) => Path.Combine(DataDirectory, "replicas", chainId + NodeContext.ReplicaSuffix);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        using (NodeKey key = NodeKeyFile.LoadOrCreate(Path.Combine(DataDirectory, "node.key"), out _))
        {
            Prover = key.PublicKey;
        }

        TestClusterBuilder builder = new(initialSilosCount: 1);
        builder.Properties[DataDirectoryKey] = DataDirectory;
        builder.Properties[VdfEnabledKey] = _vdfEnabled.ToString();
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        Directory.Delete(DataDirectory, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            string dataDirectory = siloBuilder.Configuration[DataDirectoryKey]
                ?? throw new InvalidOperationException($"The test cluster must set {DataDirectoryKey}.");
            siloBuilder
                .AddMemoryGrainStorage(NodeStorage.ProviderName)
                .ConfigureServices(services => services.AddSingleton<ICommitmentLog>(FaultInjectingCommitmentLog.Shared))
                .AddOrleansProofsNode(options =>
                {
                    options.DataDirectory = dataDirectory;
                    options.Profile = "dev";
                    options.CommitParallelism = 2;
                    // Checkpoints every ~0.1 s at the dev profile's 4 MiB, so VDF tests see several quickly.
                    options.VdfCheckpointIterations = 1 << 16;
                    options.VdfEnabled = !bool.FalseString.Equals(siloBuilder.Configuration[VdfEnabledKey], StringComparison.OrdinalIgnoreCase);
                });
        }
    }
}
