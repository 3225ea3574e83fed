// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Abstractions.Vdf;

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>
/// Polls the node's VDF grain every 20 ms for its iteration count, so the runner can tell the VDF's
/// rate over any interval of the run (alone before the blocks, over the block loop, and inside the
/// blocks' commit and hierarchy phases, when block work competes with the evaluator for the cores).
/// </summary>
internal sealed class VdfRateSampler : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(20);

    private readonly IVdfGrain _vdf;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(double Seconds, ulong Iterations)> _samples = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public VdfRateSampler(IGrainFactory grains)
    {
        _vdf = grains.GetGrain<IVdfGrain>(IVdfGrain.GrainKey);
        _loop = Task.Run(PollAsync);
    }

    /// <summary>Seconds since the sampler started (the time base of the rates).</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>Iterations per second between <paramref name="from"/> and <paramref name="to"/> (seconds on <see cref="Now"/>'s clock).</summary>
    public double Rate(double from, double to) => to > from ? (IterationsAt(to) - IterationsAt(from)) / (to - from) : 0;

    /// <summary>
    /// Iterations per second inside <paramref name="intervals"/> taken together (total iterations over
    /// total time), so short intervals weigh by their length.
    /// </summary>
    public double Rate(IReadOnlyList<(double From, double To)> intervals)
    {
        double iterations = 0;
        double seconds = 0;
        foreach ((double from, double to) in intervals)
        {
            iterations += IterationsAt(to) - IterationsAt(from);
            seconds += to - from;
        }

        return seconds > 0 ? iterations / seconds : 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    /// <summary>The iteration count at <paramref name="seconds"/>, interpolated between the two samples around it.</summary>
    private double IterationsAt(double seconds)
    {
        lock (_lock)
        {
            int after = _samples.FindIndex(s => s.Seconds >= seconds);
            if (after < 0)
            {
                return _samples.Count == 0 ? 0 : _samples[^1].Iterations;
            }

            if (after == 0)
            {
                return _samples[0].Iterations;
            }

            (double t0, ulong i0) = _samples[after - 1];
            (double t1, ulong i1) = _samples[after];
            return i0 + ((i1 - (double)i0) * (seconds - t0) / (t1 - t0));
        }
    }

    private async Task PollAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            double before = _clock.Elapsed.TotalSeconds;
            VdfStatus status = await _vdf.GetStatusAsync();
            double after = _clock.Elapsed.TotalSeconds;
            lock (_lock)
            {
                // The count was read somewhere in the round trip; its middle is the best estimate.
                _samples.Add(((before + after) / 2, status.Iterations));
            }

            try
            {
                await Task.Delay(Every, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
