// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Blocks;

/// <summary>
/// Enrollments interleave (to share roster writes) but never inside a block: registrations racing
/// with blocks all end up enrolled exactly once, in groups filled in order, covered from the block
/// after their anchor, and no block fails or records a gap because of them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrentEnrollmentTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RegistrationsRacingWithBlocksAreEachEnrolledOnceAndCovered()
    {
        const int Chains = 24;
        TestNetwork network = new(fixture, "race");
        ulong height = 60;
        await network.AnnounceAsync(height);
        string[] files = [.. Enumerable.Range(0, Chains).Select(i => network.WriteFile(20_000, seed: 600 + i))];

        Task<(IChainGrain Grain, RegisteredChain Registration)>[] registrations = [.. files.Select(file => network.RegisterAsync(file))];
        while (!registrations.All(r => r.IsCompleted))
        {
            Assert.Equal(BlockOutcome.Recorded, (await network.AnnounceAsync(++height)).Outcome);
        }

        RegisteredChain[] registered = [.. (await Task.WhenAll(registrations)).Select(r => r.Registration)];
        Assert.Equal(Chains, registered.Select(r => r.ChainId).Distinct().Count());
        Assert.All(registered, r => Assert.Equal(r.AnchorHeight + 1, r.ActivationHeight));

        NetworkStats stats = await network.Ingress.GetStatsAsync();
        Assert.Equal((ulong)Chains, stats.TotalChains);

        BlockResult next = await network.AnnounceAsync(++height);
        Assert.Equal((ulong)Chains, next.Record!.TotalChains);
        Assert.Equal(0UL, next.Record.Faults);
        foreach ((IChainGrain grain, RegisteredChain registration) in await Task.WhenAll(registrations))
        {
            ChainInfo info = await grain.GetInfoAsync();
            Assert.Equal(ChainStatus.Active, info.Status);
            Assert.Equal(height, info.HeadHeight);
            Assert.Equal(0UL, info.Faults);
            Assert.Equal(height - registration.AnchorHeight, info.ChainLength);
        }
    }
}
