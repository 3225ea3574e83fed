// SPDX-License-Identifier: MIT

using OrleansProofs.Grains.Storage;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Aggregation;

/// <summary>
/// The memory commitment log with every append taking <see cref="Delay"/>, as a loaded database would,
/// counting how many appends run at once (each group appends once per block, so this is the number of
/// group calls that overlap).
/// </summary>
public sealed class SlowCommitmentLog(TimeSpan delay) : MemoryCommitmentLogDecorator
{
    private int _running;
    private int _mostAtOnce;

    /// <summary>How long each append takes.</summary>
    public TimeSpan Delay => delay;

    /// <summary>The most appends that ran at the same time.</summary>
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    /// <inheritdoc/>
    public override async Task AppendAsync(string network, uint groupId, IReadOnlyList<CommitmentLogEntry> entries, CancellationToken cancellationToken = default)
    {
        int running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostAtOnce, running);
        try
        {
            await Task.Delay(delay, cancellationToken);
            await base.AppendAsync(network, groupId, entries, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

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
