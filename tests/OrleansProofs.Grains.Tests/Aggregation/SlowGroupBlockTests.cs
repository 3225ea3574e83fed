// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Tests.Aggregation;

/// <summary>
/// A block whose group calls each take longer than the silo's call timeout (here 1 s, Orleans' default is
/// 30 s; at 100,000 chains on 2 cores a group's share of the block took longer than that). The hierarchy
/// calls carry their own, longer timeout and a region runs its groups <see cref="NodeOptions.GroupParallelism"/>
/// at a time, so the block is recorded and the group calls do not overlap.
/// </summary>
public sealed class SlowGroupBlockTests : IAsyncLifetime
{
    private const string DataDirectoryKey = "OrleansProofs:Tests:DataDirectory";
    private const string Network = "slow-groups";

    /// <summary>One chain per group, four groups per region: three chains make one region of three groups.</summary>
    private static readonly ConsensusParameters OneChainGroups = ConsensusParameters.Dev with
    {
        Name = "dev-one-chain-groups",
        ChainsPerGroup = 1,
        GroupsPerRegion = 4,
    };

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "posc-slow-groups-" + Guid.NewGuid().ToString("N"));
    private TestCluster _cluster = null!;
    private ProverPublicKey _prover;

    private SlowCommitmentLog Log => _cluster.GetSiloServiceProvider().GetRequiredService<SlowCommitmentLog>();

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        using (NodeKey key = NodeKeyFile.LoadOrCreate(Path.Combine(_dataDirectory, "node.key"), out _))
        {
            _prover = key.PublicKey;
        }

        TestClusterBuilder builder = new(initialSilosCount: 1);
        builder.Properties[DataDirectoryKey] = _dataDirectory;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_block_whose_group_calls_outlast_the_silo_call_timeout_is_recorded_one_group_at_a_time()
    {
        IBlockIngressGrain ingress = _cluster.GrainFactory.GetGrain<IBlockIngressGrain>(Network);
        Assert.Equal(BlockOutcome.Recorded, (await ingress.OnBlockAsync(At(1))).Outcome);
        for (int i = 0; i < 3; i++)
        {
            string file = $"slow-{i}.bin";
            byte[] bytes = new byte[(2 * 4096) + i + 1];
            new Random(i + 7).NextBytes(bytes);
            await File.WriteAllBytesAsync(Path.Combine(_dataDirectory, file), bytes);
            Hash32 chainId = ChainId.Compute(DataHash.Compute(Path.Combine(_dataDirectory, file)), _prover);
            await _cluster.GrainFactory.GetGrain<IChainGrain>(chainId.ToString()).RegisterAsync(new ChainRegistrationRequest(file, Network));
        }

        // Three groups of one region, each appending for 1.5 s: the region call lasts ≈ 4.5 s, the silo's timeout is 1 s.
        BlockResult result = await ingress.OnBlockAsync(At(2));

        Assert.Equal(BlockOutcome.Recorded, result.Outcome);
        Assert.Equal(3UL, result.Record!.TotalChains);
        Assert.Equal(3, result.Record.Groups.Length);
        Assert.Equal(1, Log.MostAtOnce);
    }

    private static BlockAnnouncement At(ulong height) =>
        new(height, Sha256.Hash(System.Text.Encoding.UTF8.GetBytes($"{Network}/{height}")), 1_700_000_000 + 16 * height);

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            string dataDirectory = siloBuilder.Configuration[DataDirectoryKey]
                ?? throw new InvalidOperationException($"The test cluster must set {DataDirectoryKey}.");
            SlowCommitmentLog log = new(TimeSpan.FromMilliseconds(1_500));
            siloBuilder
                .AddMemoryGrainStorage(NodeStorage.ProviderName)
                .Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(1))
                .ConfigureServices(services => services.AddSingleton(log).AddSingleton<ICommitmentLog>(log))
                .AddOrleansProofsNode(options =>
                {
                    options.DataDirectory = dataDirectory;
                    options.Profile = "dev";
                    options.Parameters = OneChainGroups;
                    options.GroupParallelism = 1;
                    options.VdfEnabled = false;
                });
        }
    }
}
