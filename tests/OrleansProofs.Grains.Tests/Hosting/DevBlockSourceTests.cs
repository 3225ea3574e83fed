// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Time.Testing;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Silo.Blocks;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The development chain: block hashes are a pure function of (seed, network, height) with the
/// documented layout (test vectors), and the source mints the heights it is asked for one interval
/// apart under a controlled clock, with increasing heights, the clock's timestamps and the same
/// hashes from every instance.
/// </summary>
public sealed class DevBlockSourceTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData("posc-dev", "dev", 1UL, "9c9e2f30762cdca5475e6d4883ed7228e11d56f8336b269b8e07b8a24a7fa0df")]
    [InlineData("posc-dev", "dev", 13UL, "4239fc3d25adb83eca3b89a1fe7c6a8f0b31a3382955dc82891168e698c7daa4")]
    [InlineData("seed-é", "net-1", 1_099_511_627_783UL, "9e67b0c4299d60e636a689601dccb1ace85870731d2b4cdbb0ba5ed34af1cbcd")]
    public void HashMatchesTheDocumentedLayout(string seed, string network, ulong height, string expected)
    {
        Assert.Equal(Hash32.Parse(expected), DevBlockSource.HashAt(seed, network, height));
    }

    [Fact]
    public void HashDependsOnSeedNetworkAndHeight()
    {
        Hash32 reference = DevBlockSource.HashAt("s", "n", 5);
        Assert.NotEqual(reference, DevBlockSource.HashAt("t", "n", 5));
        Assert.NotEqual(reference, DevBlockSource.HashAt("s", "m", 5));
        Assert.NotEqual(reference, DevBlockSource.HashAt("s", "n", 6));
        Assert.NotEqual(DevBlockSource.HashAt("ab", "c", 1), DevBlockSource.HashAt("a", "bc", 1));
    }

    [Fact]
    public async Task BlocksComeOneIntervalApartWithIncreasingHeights()
    {
        FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        DevBlockSource source = new("dev", "posc-dev", s_interval, clock);
        DevBlockSource twin = new("dev", "posc-dev", s_interval, new FakeTimeProvider());

        BlockAnnouncement first = await source.WaitForBlockAsync(7, CancellationToken.None);
        Assert.Equal(7UL, first.Height);
        Assert.Equal(1_800_000_000UL, first.Timestamp);

        List<BlockAnnouncement> blocks = [first];
        for (ulong height = 8; height <= 10; height++)
        {
            ValueTask<BlockAnnouncement> pending = source.WaitForBlockAsync(height, CancellationToken.None);
            clock.Advance(s_interval - TimeSpan.FromMilliseconds(1));
            Assert.False(pending.IsCompleted, $"Block {height} was minted before its interval elapsed.");
            clock.Advance(TimeSpan.FromMilliseconds(1));
            blocks.Add(await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal([7UL, 8UL, 9UL, 10UL], blocks.Select(b => b.Height));
        Assert.Equal([1_800_000_000UL, 1_800_000_002UL, 1_800_000_004UL, 1_800_000_006UL], blocks.Select(b => b.Timestamp));
        Assert.All(blocks, block =>
        {
            Assert.Equal(DevBlockSource.HashAt("posc-dev", "dev", block.Height), block.BlockHash);
            Assert.Equal(twin.BlockAt(block.Height, block.Timestamp), block);
            Assert.Null(block.Beacon);
        });
    }

    [Fact]
    public async Task LateCallerGetsTheBlockAtOnce()
    {
        FakeTimeProvider clock = new();
        DevBlockSource source = new("dev", "posc-dev", s_interval, clock);
        await source.WaitForBlockAsync(1, CancellationToken.None);
        clock.Advance(s_interval * 3);

        ValueTask<BlockAnnouncement> late = source.WaitForBlockAsync(2, CancellationToken.None);

        Assert.True(late.IsCompleted);
        ValueTask<BlockAnnouncement> next = source.WaitForBlockAsync(3, CancellationToken.None);
        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task WaitingIsCancellable()
    {
        FakeTimeProvider clock = new();
        DevBlockSource source = new("dev", "posc-dev", s_interval, clock);
        await source.WaitForBlockAsync(1, CancellationToken.None);
        using CancellationTokenSource cancel = new();

        ValueTask<BlockAnnouncement> pending = source.WaitForBlockAsync(2, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.AsTask());
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>("network", () => new DevBlockSource("", "s", s_interval, TimeProvider.System));
        Assert.Throws<ArgumentException>("seed", () => new DevBlockSource("n", "", s_interval, TimeProvider.System));
        Assert.Throws<ArgumentOutOfRangeException>("interval", () => new DevBlockSource("n", "s", TimeSpan.Zero, TimeProvider.System));
    }
}
