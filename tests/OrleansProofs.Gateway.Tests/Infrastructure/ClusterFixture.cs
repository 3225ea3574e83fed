// SPDX-License-Identifier: MIT

using Orleans.TestingHost;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Gateway.Tests.Infrastructure;

/// <summary>
/// One in-process silo (memory grain storage, "dev" profile, a temporary data folder with its node
/// key) shared by the gateway tests; each test starts its own gateway on its own network.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private const string DataDirectoryKey = "OrleansProofs:Tests:DataDirectory";

    /// <summary>The node's data folder.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "posc-gateway-" + Guid.NewGuid().ToString("N"));

    /// <summary>The node's public key.</summary>
    public ProverPublicKey Prover { get; private set; }

    /// <summary>The cluster.</summary>
    public TestCluster Cluster { get; private set; } = null!;

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
                .AddOrleansProofsNode(options =>
                {
                    options.DataDirectory = dataDirectory;
                    options.Profile = "dev";
                    options.CommitParallelism = 2;
                });
        }
    }
}

/// <summary>The test classes sharing one <see cref="ClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Cluster";
}
