// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Grains.Vdf;

/// <summary>
/// Runs one <see cref="ContinuousVdf"/> on a dedicated background thread — never on the Orleans
/// scheduler or the thread pool, which the evaluator would otherwise hold for good. The thread fills
/// the buffer, starts or resumes the chain, then advances it batch by batch (the loop of
/// <see cref="ContinuousVdf.Run"/>) and, after each batch, completes the attestation waiters whose
/// point is reached and samples the rate. Waiters are completed asynchronously, so nothing of theirs
/// runs on the evaluator thread. <see cref="StopAsync"/> ends the thread and drops the buffer.
/// </summary>
internal sealed class VdfRunner
{
    /// <summary>How often the evaluator samples (time, iterations) for the rate.</summary>
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Samples kept: with <see cref="SampleEvery"/>, the rate is measured over the last 5 seconds.</summary>
    private const int RateSamples = 21;

    private readonly Hash32 _seed;
    private readonly long _bufferBytes;
    private readonly NodeKey _key;
    private readonly VdfCheckpoint? _resumeFrom;
    private readonly ulong _checkpointIterations;
    private readonly Action<VdfCheckpoint> _onCheckpoint;
    private readonly Action<ulong> _onIterations;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<Waiter> _waiters = [];
    private readonly (long Timestamp, ulong Iterations)[] _samples = new (long, ulong)[RateSamples];
    private Thread? _thread;
    private volatile ContinuousVdf? _vdf;
    private ulong _absorbRequests;
    private int _sampleCount;
    private double _rate;
    private Exception? _failure;

    /// <summary>Prepares a runner; nothing is allocated until <see cref="Start"/>.</summary>
    /// <param name="seed">The VDF seed (the prover's).</param>
    /// <param name="bufferBytes">Buffer size (the profile's VDF memory).</param>
    /// <param name="key">Signs the checkpoints.</param>
    /// <param name="resumeFrom">The last durable checkpoint to resume from, or null to start a new chain.</param>
    /// <param name="checkpointIterations">Iterations between checkpoints.</param>
    /// <param name="onCheckpoint">Receives each checkpoint, on the evaluator thread (must not block).</param>
    /// <param name="onIterations">Receives the iterations of each batch, on the evaluator thread (metrics).</param>
    public VdfRunner(Hash32 seed, long bufferBytes, NodeKey key, VdfCheckpoint? resumeFrom, ulong checkpointIterations,
        Action<VdfCheckpoint> onCheckpoint, Action<ulong> onIterations)
    {
        _seed = seed;
        _bufferBytes = bufferBytes;
        _key = key;
        _resumeFrom = resumeFrom;
        _checkpointIterations = checkpointIterations;
        _onCheckpoint = onCheckpoint;
        _onIterations = onIterations;
    }

    /// <summary>Completes when the buffer is filled and the genesis or restart checkpoint is made; faults when that failed.</summary>
    public Task Started => _started.Task;

    /// <summary>The buffer size in bytes.</summary>
    public long BufferBytes => _bufferBytes;

    /// <summary>True while the evaluator thread advances the VDF.</summary>
    public bool IsRunning => _vdf is not null && !_exited.Task.IsCompleted;

    /// <summary>Why the evaluator thread stopped on its own, or null.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Iterations per second over the last few seconds (0 until two samples exist).</summary>
    public double IterationsPerSecond => Volatile.Read(ref _rate);

    /// <summary>The published point, absorbed-root count and restart counter (null before the start).</summary>
    public VdfSnapshot? Snapshot => _vdf?.Snapshot();

    /// <summary>The newest signed checkpoint (null before the start).</summary>
    public VdfCheckpoint? LatestCheckpoint => _vdf?.LatestCheckpoint;

    /// <summary>Starts the evaluator thread.</summary>
    public void Start()
    {
        _thread = new Thread(Evaluate)
        {
            IsBackground = true,
            // Short enough to survive as the OS thread name (15 characters on Linux), for operators' tools.
            Name = "posc-vdf",
        };
        _thread.Start();
    }

    /// <summary>
    /// Queues <paramref name="root"/> for absorption and completes with the first published point that
    /// has absorbed it and reached <paramref name="minimumIterations"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The evaluator is not running.</exception>
    public Task<VdfSnapshot> AbsorbAsync(Hash32 root, ulong minimumIterations)
    {
        ContinuousVdf vdf = _vdf ?? throw new InvalidOperationException("The VDF evaluator has not started.");
        var waiter = new Waiter(minimumIterations, new TaskCompletionSource<VdfSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException("The VDF evaluator is not running" + (Failure is { } failure ? $": {failure.Message}" : "."));
            }

            // Absorb calls are counted in the order they queue roots, which is the order the evaluator
            // absorbs them: the n-th call's root is in once the snapshot counts n absorbed roots.
            vdf.Absorb(root);
            waiter.AbsorbedRoots = ++_absorbRequests;
            _waiters.Add(waiter);
        }

        return waiter.Completion.Task;
    }

    /// <summary>Stops the thread after its current batch, waits for it without blocking, fails open waiters and drops the buffer.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_thread is not null)
        {
            await _exited.Task;
            _thread.Join();
        }

        _vdf = null;
        _stop.Dispose();
    }

    private void Evaluate()
    {
        try
        {
            VdfBuffer buffer = VdfBuffer.Create(_seed, _bufferBytes);
            ContinuousVdf vdf = _resumeFrom is null
                ? ContinuousVdf.Start(buffer, _key, _checkpointIterations, _onCheckpoint)
                : ContinuousVdf.Resume(buffer, _key, _resumeFrom, _checkpointIterations, _onCheckpoint);
            _vdf = vdf;
            _started.TrySetResult();
            CancellationToken stop = _stop.Token;
            while (!stop.IsCancellationRequested)
            {
                vdf.Advance(ContinuousVdf.BatchIterations);
                _onIterations(ContinuousVdf.BatchIterations);
                AfterBatch(vdf.Snapshot());
            }
        }
        catch (Exception error)
        {
            Volatile.Write(ref _failure, error);
            _started.TrySetException(error);
        }
        finally
        {
            _exited.TrySetResult();
            FailWaiters();
        }
    }

    private void AfterBatch(VdfSnapshot snapshot)
    {
        lock (_lock)
        {
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                Waiter waiter = _waiters[i];
                if (snapshot.AbsorbedRoots >= waiter.AbsorbedRoots && snapshot.Iterations >= waiter.MinimumIterations)
                {
                    waiter.Completion.TrySetResult(snapshot);
                    _waiters.RemoveAt(i);
                }
            }
        }

        long now = Stopwatch.GetTimestamp();
        if (_sampleCount > 0 && Stopwatch.GetElapsedTime(_samples[(_sampleCount - 1) % RateSamples].Timestamp, now) < SampleEvery)
        {
            return;
        }

        _samples[_sampleCount % RateSamples] = (now, snapshot.Iterations);
        _sampleCount++;
        if (_sampleCount >= 2)
        {
            (long Timestamp, ulong Iterations) oldest = _samples[_sampleCount <= RateSamples ? 0 : _sampleCount % RateSamples];
            double seconds = Stopwatch.GetElapsedTime(oldest.Timestamp, now).TotalSeconds;
            Volatile.Write(ref _rate, seconds > 0 ? (snapshot.Iterations - oldest.Iterations) / seconds : 0);
        }
    }

    private void FailWaiters()
    {
        lock (_lock)
        {
            foreach (Waiter waiter in _waiters)
            {
                waiter.Completion.TrySetException(new InvalidOperationException(
                    "The VDF evaluator stopped before the point was reached" + (Failure is { } failure ? $": {failure.Message}" : "; the block can be announced again.")));
            }

            _waiters.Clear();
        }
    }

    /// <summary>One attestation waiting for its root to be absorbed and the minimum count reached.</summary>
    private sealed class Waiter(ulong minimumIterations, TaskCompletionSource<VdfSnapshot> completion)
    {
        public ulong MinimumIterations { get; } = minimumIterations;

        public ulong AbsorbedRoots { get; set; }

        public TaskCompletionSource<VdfSnapshot> Completion { get; } = completion;
    }
}
