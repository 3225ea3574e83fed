// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>
/// Two clusters of the same node — one silo and two silos — over one data folder (the same node key
/// and files) with separate replica folders, memory grain storage (itself grain-backed, so shared by
/// the two silos of the pair) and <see cref="SmallGroups"/>, so a handful of chains spans several
/// groups and regions. Driving both with the same blocks must give the same roots.
/// </summary>
public sealed class AggregationFixture : IAsyncLifetime
{
    private const string DataDirectoryKey = "OrleansProofs:Tests:DataDirectory";
    private const string ReplicaDirectoryKey = "OrleansProofs:Tests:ReplicaDirectory";

    /// <summary>The dev profile with two chains per group and two groups per region.</summary>
    public static ConsensusParameters SmallGroups { get; } = ConsensusParameters.Dev with
    {
        Name = "dev-small-groups",
        ChainsPerGroup = 2,
        GroupsPerRegion = 2,
    };

    /// <summary>The shared data folder (node key and registered files).</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "posc-aggregation-" + Guid.NewGuid().ToString("N"));

    /// <summary>The node's public key.</summary>
    public ProverPublicKey Prover { get; private set; }

    /// <summary>The one-silo cluster.</summary>
    public TestCluster Single { get; private set; } = null!;

    /// <summary>The two-silo cluster.</summary>
    public TestCluster Pair { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        using (NodeKey key = NodeKeyFile.LoadOrCreate(Path.Combine(DataDirectory, "node.key"), out _))
        {
            Prover = key.PublicKey;
        }

        Single = await DeployAsync(1, "replicas-single");
        Pair = await DeployAsync(2, "replicas-pair");
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        foreach (TestCluster? cluster in new[] { Single, Pair })
        {
            if (cluster is not null)
            {
                await cluster.StopAllSilosAsync();
                await cluster.DisposeAsync();
            }
        }

        Directory.Delete(DataDirectory, recursive: true);
    }

    private async Task<TestCluster> DeployAsync(short silos, string replicas)
    {
        TestClusterBuilder builder = new(silos);
        builder.Properties[DataDirectoryKey] = DataDirectory;
        builder.Properties[ReplicaDirectoryKey] = Path.Combine(DataDirectory, replicas);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>
    /// One commitment log per cluster (keyed by its replica folder), shared by the cluster's silos as a
    /// cluster's database would be: a group on one silo writes the records a chain on the other replays.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MemoryCommitmentLog> ClusterLogs = new(StringComparer.Ordinal);

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            string dataDirectory = siloBuilder.Configuration[DataDirectoryKey]
                ?? throw new InvalidOperationException($"The test cluster must set {DataDirectoryKey}.");
            string replicaDirectory = siloBuilder.Configuration[ReplicaDirectoryKey]
                ?? throw new InvalidOperationException($"The test cluster must set {ReplicaDirectoryKey}.");
            MemoryCommitmentLog log = ClusterLogs.GetOrAdd(replicaDirectory, _ => new MemoryCommitmentLog());
            siloBuilder
                .AddMemoryGrainStorage(NodeStorage.ProviderName)
                .ConfigureServices(services => services.AddSingleton<ICommitmentLog>(log))
                .AddOrleansProofsNode(options =>
                {
                    options.DataDirectory = dataDirectory;
                    options.ReplicaDirectory = replicaDirectory;
                    options.Parameters = SmallGroups;
                    options.CommitParallelism = 2;
                    options.RegionParallelism = 2;
                });
        }
    }
}
