// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Chains;

/// <summary>
/// Registration: idempotent, anchored at the latest block, placed in a stable group; bad requests
/// (no block yet, a path outside the data folder, a file whose chain id is not the grain's key) are
/// rejected with the reason and leave the chain unregistered.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChainRegistrationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RegistrationIsIdempotentAndAnchoredAtTheLatestBlock()
    {
        TestNetwork network = new(fixture, "register");
        await network.AnnounceAsync(40);
        await network.AnnounceAsync(41);
        string file = network.WriteFile(9_000, seed: 41);

        (IChainGrain chain, RegisteredChain first) = await network.RegisterAsync(file);
        (_, RegisteredChain second) = await network.RegisterAsync(file);

        Assert.Equal(first, second);
        Assert.Equal(41UL, first.AnchorHeight);
        Assert.Equal(42UL, first.ActivationHeight);
        ChainInfo info = await chain.GetInfoAsync();
        Assert.Equal(ChainStatus.Pending, info.Status);
        Assert.Equal(network.HashAt(41), info.Header!.AnchorBlockHash);
        Assert.Equal(info.Header.AnchoredCommitment, info.HeadCommitment);
        Assert.True(File.Exists(fixture.ReplicaPath(first.ChainId)));

        ArgumentException elsewhere = await GrainAssert.RejectsAsync("request", () => chain.RegisterAsync(new ChainRegistrationRequest(file, "another-network")));
        Assert.Contains(network.Name, elsewhere.Message);
    }

    [Fact]
    public async Task RegistrationWaitsForTheFirstBlock()
    {
        TestNetwork network = new(fixture, "noblock");
        string file = network.WriteFile(9_000, seed: 42);
        IChainGrain chain = fixture.Cluster.GrainFactory.GetGrain<IChainGrain>(network.ChainIdOf(file).ToString());

        await Assert.ThrowsAsync<InvalidOperationException>(() => chain.RegisterAsync(new ChainRegistrationRequest(file, network.Name)));
        Assert.Equal(ChainStatus.Unregistered, (await chain.GetInfoAsync()).Status);
    }

    [Fact]
    public async Task PathOutsideTheDataFolderIsRejected()
    {
        TestNetwork network = new(fixture, "outside");
        await network.AnnounceAsync(1);
        string file = network.WriteFile(9_000, seed: 43);
        IChainGrain chain = fixture.Cluster.GrainFactory.GetGrain<IChainGrain>(network.ChainIdOf(file).ToString());

        ArgumentException error = await GrainAssert.RejectsAsync("request",
            () => chain.RegisterAsync(new ChainRegistrationRequest("../" + file, network.Name)));
        Assert.Contains("outside the node's data folder", error.Message);
        Assert.Equal(ChainStatus.Unregistered, (await chain.GetInfoAsync()).Status);
    }

    [Fact]
    public async Task FileOfAnotherChainIsRejectedAndItsReplicaRemoved()
    {
        TestNetwork network = new(fixture, "wrongkey");
        await network.AnnounceAsync(1);
        string file = network.WriteFile(9_000, seed: 44);
        string other = network.WriteFile(9_000, seed: 45);
        IChainGrain chain = fixture.Cluster.GrainFactory.GetGrain<IChainGrain>(network.ChainIdOf(other).ToString());

        ArgumentException error = await GrainAssert.RejectsAsync("request",
            () => chain.RegisterAsync(new ChainRegistrationRequest(file, network.Name)));
        Assert.Contains(network.ChainIdOf(file).ToString(), error.Message);
        Assert.False(File.Exists(fixture.ReplicaPath(network.ChainIdOf(other))));
        Assert.Equal(ChainStatus.Unregistered, (await chain.GetInfoAsync()).Status);
        Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(2)).Outcome);
    }
}
