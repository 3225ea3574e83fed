// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Aggregation;

/// <summary>Runs one call per item with at most a fixed number in flight: the back-pressure of a block's fan-out.</summary>
internal static class Bounded
{
    /// <summary>Calls <paramref name="call"/> for every item, at most <paramref name="parallelism"/> at once; results align with <paramref name="items"/>.</summary>
    public static async Task<TResult[]> RunAsync<TItem, TResult>(IReadOnlyList<TItem> items, int parallelism, Func<TItem, Task<TResult>> call)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        using SemaphoreSlim gate = new(parallelism);
        return await Task.WhenAll(items.Select(RunOneAsync));

        async Task<TResult> RunOneAsync(TItem item)
        {
            await gate.WaitAsync();
            try
            {
                return await call(item);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
