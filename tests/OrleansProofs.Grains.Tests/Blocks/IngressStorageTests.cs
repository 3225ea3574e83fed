// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Blocks;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Blocks;

/// <summary>
/// The roster is stored apart from the block records; a state written by a build that kept the roster
/// inside the block state is moved to the roster record on activation, with nothing lost.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IngressStorageTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ARosterStoredInsideTheBlockStateMovesToItsOwnRecordOnActivation()
    {
        TestNetwork network = new(fixture, "roster-move");
        IGrainStorage storage = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(NodeStorage.ProviderName);
        GrainId ingressId = GrainId.Create("blockingress", network.Name);
        ChainEntryState[] chains = [.. Enumerable.Range(0, 3).Select(i => new ChainEntryState(Sha256.Hash([(byte)i, 42]), 0, 10, network.HashAt(10)))];
        await storage.WriteStateAsync("ingress", ingressId, new GrainState<IngressState>(new IngressState { Chains = [.. chains] }));

        NetworkStats stats = await network.Ingress.GetStatsAsync();

        Assert.Equal(3UL, stats.TotalChains);
        GrainState<IngressRoster> roster = new();
        await storage.ReadStateAsync("roster", ingressId, roster);
        Assert.Equal(chains, roster.State!.Chains);
        GrainState<IngressState> blocks = new();
        await storage.ReadStateAsync("ingress", ingressId, blocks);
        Assert.Empty(blocks.State!.Chains);
    }
}
