// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Core.Vdf;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Vdf;

/// <summary>
/// Writes the evaluator's checkpoints to <see cref="IVdfCheckpointStore"/> one by one, in order, off
/// the evaluator thread (which only queues them) and off the grain's scheduler (a storage round trip
/// must not hold either). A failed write is retried with backoff until it succeeds, so the durable
/// chain never has a hole: checkpoints queue meanwhile (a few hundred bytes every few seconds).
/// </summary>
internal sealed partial class VdfCheckpointWriter
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly IVdfCheckpointStore _store;
    private readonly string _owner;
    private readonly int _retain;
    private readonly Action<VdfCheckpoint> _onWritten;
    private readonly ILogger _logger;
    private readonly Channel<VdfCheckpoint> _queue = Channel.CreateUnbounded<VdfCheckpoint>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _loop;
    private long _durableSequence = -1;

    /// <summary>Starts the writing loop on the thread pool.</summary>
    public VdfCheckpointWriter(IVdfCheckpointStore store, string owner, int retain, Action<VdfCheckpoint> onWritten, ILogger logger)
    {
        _store = store;
        _owner = owner;
        _retain = retain;
        _onWritten = onWritten;
        _logger = logger;
        _loop = Task.Run(WriteAllAsync);
    }

    /// <summary>The newest checkpoint sequence written durably, or null before the first write.</summary>
    public ulong? DurableSequence => Interlocked.Read(ref _durableSequence) is var sequence and >= 0 ? (ulong)sequence : null;

    /// <summary>Queues a checkpoint (called on the evaluator thread; never blocks).</summary>
    public void Enqueue(VdfCheckpoint checkpoint) => _queue.Writer.TryWrite(checkpoint);

    /// <summary>
    /// Writes what is queued, then stops. Gives up after <paramref name="timeout"/> (the store is down):
    /// the unwritten checkpoints are lost, which the next activation's restart makes visible.
    /// </summary>
    public async Task FlushAndStopAsync(TimeSpan timeout)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            LogFlushAbandoned(_logger, _owner, timeout.TotalSeconds);
            await _abandon.CancelAsync();
            await _loop.ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        _abandon.Dispose();
    }

    private async Task WriteAllAsync()
    {
        CancellationToken abandon = _abandon.Token;
        await foreach (VdfCheckpoint checkpoint in _queue.Reader.ReadAllAsync(abandon))
        {
            VdfCheckpointData data = new(checkpoint.Sequence, ImmutableArray.Create(checkpoint.Encode()));
            TimeSpan backoff = TimeSpan.FromMilliseconds(100);
            while (true)
            {
                try
                {
                    await _store.AppendAsync(_owner, data, _retain, abandon);
                    break;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogWriteFailed(_logger, _owner, checkpoint.Sequence, backoff.TotalMilliseconds, error);
                    await Task.Delay(backoff, abandon);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                }
            }

            Interlocked.Exchange(ref _durableSequence, checked((long)checkpoint.Sequence));
            _onWritten(checkpoint);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "VDF {Owner}: writing checkpoint {Sequence} failed; retrying in {BackoffMs} ms")]
    private static partial void LogWriteFailed(ILogger logger, string owner, ulong sequence, double backoffMs, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VDF {Owner}: checkpoints still queued after {Seconds} s at shutdown were not written; the next activation resumes from the last durable one")]
    private static partial void LogFlushAbandoned(ILogger logger, string owner, double seconds);
}
