// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Tests.Aggregation;

/// <summary>
/// The memory commitment log with every append taking <see cref="Delay"/>, as a loaded database would,
/// counting how many appends run at once (each group appends once per block, so this is the number of
/// group calls that overlap).
/// </summary>
public sealed class SlowCommitmentLog(TimeSpan delay) : ICommitmentLog
{
    private readonly MemoryCommitmentLog _inner = new();
    private int _running;
    private int _mostAtOnce;

    /// <summary>How long each append takes.</summary>
    public TimeSpan Delay => delay;

    /// <summary>The most appends that ran at the same time.</summary>
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    /// <inheritdoc/>
    public async Task AppendAsync(string network, uint groupId, IReadOnlyList<CommitmentLogEntry> entries, CancellationToken cancellationToken = default)
    {
        int running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostAtOnce, running);
        try
        {
            await Task.Delay(delay, cancellationToken);
            await _inner.AppendAsync(network, groupId, entries, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommitmentLogEntry>> ReadChainAsync(string network, uint groupId, Hash32 chainId, ulong afterHeight, CancellationToken cancellationToken = default) =>
        _inner.ReadChainAsync(network, groupId, chainId, afterHeight, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommitmentLogEntry>> ReadHeightAsync(string network, ulong height, CancellationToken cancellationToken = default) =>
        _inner.ReadHeightAsync(network, height, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommitmentLogEntry>> ReadChainsAtAsync(string network, ulong height, uint groupId, IReadOnlyCollection<Hash32> chainIds, CancellationToken cancellationToken = default) =>
        _inner.ReadChainsAtAsync(network, height, groupId, chainIds, cancellationToken);

    /// <inheritdoc/>
    public Task PruneBelowAsync(string network, ulong height, CancellationToken cancellationToken = default) =>
        _inner.PruneBelowAsync(network, height, cancellationToken);

    /// <inheritdoc/>
    public Task CheckReachableAsync(CancellationToken cancellationToken = default) => _inner.CheckReachableAsync(cancellationToken);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value > seen)
        {
            int previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
