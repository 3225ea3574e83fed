// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;
using OrleansProofs.Grains.Vdf;

namespace OrleansProofs.Grains.Tests.Vdf;

/// <summary>
/// The evaluator host on its own: it runs on a dedicated thread (not the thread pool), answers an
/// absorption with a point that has absorbed the root and reached the minimum, resumes from a
/// checkpoint with the restart visible, and stops by joining its thread and failing open waiters.
/// </summary>
public sealed class VdfRunnerTests
{
    private const ulong Interval = 1 << 14;

    [Fact]
    public async Task RunsOnADedicatedThread_AndAnswersWithAPointPastTheMinimumThatAbsorbedTheRoot()
    {
        using NodeKey key = NodeKey.Generate();
        ConcurrentQueue<VdfCheckpoint> checkpoints = new();
        ConcurrentDictionary<(string? Name, bool Pool, bool Background), byte> threads = new();
        VdfRunner runner = new(Sha256.Hash("runner"u8), VdfBuffer.MinBytes, key, null, Interval, checkpoints.Enqueue,
            _ => threads.TryAdd((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.IsBackground), 0));
        runner.Start();
        await runner.Started.WaitAsync(TimeSpan.FromSeconds(30));

        Hash32 root = Sha256.Hash("block root"u8);
        VdfSnapshot first = await runner.AbsorbAsync(root, 0).WaitAsync(TimeSpan.FromSeconds(30));
        VdfSnapshot second = await runner.AbsorbAsync(Hash32.Zero, first.Iterations + (3 * Interval)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1UL, first.AbsorbedRoots);
        Assert.Equal(2UL, second.AbsorbedRoots);
        Assert.True(second.Iterations >= first.Iterations + (3 * Interval));

        (string? name, bool pool, bool background) = Assert.Single(threads.Keys);
        Assert.Equal("posc-vdf", name);
        Assert.False(pool);
        Assert.True(background);

        await runner.StopAsync();
        Assert.False(runner.IsRunning);
        Assert.Throws<InvalidOperationException>(() => { _ = runner.AbsorbAsync(root, 0); });

        // The root was absorbed where a checkpoint says, and the chain verifies.
        List<VdfCheckpoint> chain = [.. checkpoints];
        Assert.Contains(chain.SelectMany(c => c.Absorbed.ToArray()), a => a.Root == root && a.Iteration <= first.Iterations);
        Assert.True(ContinuousVdfVerifier.VerifyChain(chain, key.PublicKey).IsValid);
    }

    [Fact]
    public async Task ResumesFromACheckpoint_AndFailsWaitersWhenStopped()
    {
        using NodeKey key = NodeKey.Generate();
        ConcurrentQueue<VdfCheckpoint> made = new();
        Hash32 seed = Sha256.Hash("resume"u8);
        VdfRunner first = new(seed, VdfBuffer.MinBytes, key, null, Interval, made.Enqueue, _ => { });
        first.Start();
        await first.Started.WaitAsync(TimeSpan.FromSeconds(30));
        await first.AbsorbAsync(Hash32.Zero, 2 * Interval).WaitAsync(TimeSpan.FromSeconds(30));
        await first.StopAsync();

        VdfCheckpoint last = made.Last();
        ConcurrentQueue<VdfCheckpoint> resumedChain = new();
        VdfRunner second = new(seed, VdfBuffer.MinBytes, key, last, Interval, resumedChain.Enqueue, _ => { });
        second.Start();
        await second.Started.WaitAsync(TimeSpan.FromSeconds(30));
        VdfCheckpoint restart = resumedChain.First();
        Assert.Equal((last.Sequence + 1, last.RestartCount + 1, last.Point), (restart.Sequence, restart.RestartCount, restart.Point));

        // A point far beyond reach is still pending when the evaluator stops: it fails, it does not hang.
        Task<VdfSnapshot> unreachable = second.AbsorbAsync(Hash32.Zero, ulong.MaxValue);
        await second.StopAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => unreachable.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(ContinuousVdfVerifier.VerifyChain([.. made, .. resumedChain], key.PublicKey).IsValid);
    }
}
