// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using OrleansProofs.Abstractions.Vdf;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Vdf;

/// <summary>
/// The node's continuous VDF (<see cref="IVdfGrain"/>). Activation reads the newest durable checkpoint
/// and starts a <see cref="VdfRunner"/> (its own thread) that resumes from it — or starts the chain at
/// genesis when there is none — and a <see cref="VdfCheckpointWriter"/> that writes every checkpoint
/// durably. A keep-alive timer keeps the activation (and the evaluator) from idle collection between
/// blocks; deactivation stops and joins the thread and drops the buffer. Reentrant: attestations wait
/// for the evaluator while status reads go on; the shared state lives in the thread-safe runner.
/// </summary>
[Reentrant]
internal sealed partial class VdfGrain(
    NodeContext node,
    IVdfCheckpointStore store,
    VdfMetrics metrics,
    ILogger<VdfGrain> logger) : Grain, IVdfGrain
{
    /// <summary>Shorter than Orleans' default collection age (15 min), so the timer keeps the activation.</summary>
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long deactivation waits for queued checkpoints to be written.</summary>
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    private VdfRunner? _runner;
    private VdfCheckpointWriter? _writer;

    /// <summary>
    /// The store's name for this node's VDF chain: prover key and buffer size, so a new key or a profile
    /// with another VDF memory starts its own chain instead of failing to resume a foreign one.
    /// </summary>
    internal static string OwnerOf(NodeContext node) =>
        $"{node.Key.PublicKey}/{System.Numerics.BitOperations.Log2(node.Parameters.VdfMemoryBytes)}";

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!node.VdfEnabled)
        {
            return;
        }

        string owner = OwnerOf(node);
        VdfCheckpointData? latest = await store.ReadLatestAsync(owner, cancellationToken);
        VdfCheckpoint? from = latest is null ? null : VdfCheckpoint.Decode(latest.Encoded.AsSpan());
        Hash32 seed = VdfFunction.DeriveSeed(node.Key.PublicKey, Hash32.Zero);
        _writer = new VdfCheckpointWriter(store, owner, node.VdfRetainedCheckpoints, _ => metrics.Checkpoint("written"), logger);
        VdfCheckpointWriter writer = _writer;
        _runner = new VdfRunner(seed, (long)node.Parameters.VdfMemoryBytes, node.Key, from, node.VdfCheckpointIterations,
            checkpoint =>
            {
                metrics.Checkpoint("made");
                writer.Enqueue(checkpoint);
            },
            metrics.Iterated);
        _runner.Start();
        try
        {
            await _runner.Started.WaitAsync(cancellationToken);
        }
        catch
        {
            await StopAsync();
            throw;
        }

        VdfRunner runner = _runner;
        metrics.Publish(() => (runner.IterationsPerSecond, runner.Snapshot?.RestartCount ?? 0));
        this.RegisterGrainTimer(static () => Task.CompletedTask, new GrainTimerCreationOptions(KeepAlivePeriod, KeepAlivePeriod) { KeepAlive = true, Interleave = true });
        VdfCheckpoint first = runner.LatestCheckpoint!;
        LogStarted(logger, owner, node.Parameters.VdfMemoryBytes, first.Sequence, first.Point.Iterations, first.RestartCount);
    }

    /// <inheritdoc/>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await StopAsync();
        LogStopped(logger, OwnerOf(node), reason.Description);
    }

    /// <inheritdoc/>
    public async Task<VdfAttestedPoint> AttestAsync(Hash32 root, ulong minimumIterations)
    {
        VdfRunner runner = RunningOrThrow();
        try
        {
            VdfSnapshot point = await runner.AbsorbAsync(root, minimumIterations);
            return new VdfAttestedPoint(point.Iterations, point.State, point.RestartCount);
        }
        catch (InvalidOperationException) when (runner.Failure is not null)
        {
            // The evaluator died: let a new activation resume from the last durable checkpoint.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<VdfStatus> GetStatusAsync()
    {
        if (_runner is not { } runner || !runner.IsRunning || runner.Snapshot is not { } snapshot || runner.LatestCheckpoint is not { } latest)
        {
            string reason = !node.VdfEnabled
                ? "the VDF is switched off on this node (NodeOptions.VdfEnabled)"
                : $"the VDF evaluator is not running{(_runner?.Failure is { } failure ? ": " + failure.Message : "")}";
            return Task.FromResult(new VdfStatus(false, reason, 0, 0, 0, 0, (long)node.Parameters.VdfMemoryBytes, node.VdfCheckpointIterations, _writer?.DurableSequence, null));
        }

        return Task.FromResult(new VdfStatus(
            true,
            null,
            snapshot.Iterations,
            snapshot.AbsorbedRoots,
            snapshot.RestartCount,
            runner.IterationsPerSecond,
            runner.BufferBytes,
            node.VdfCheckpointIterations,
            _writer?.DurableSequence,
            new VdfCheckpointData(latest.Sequence, ImmutableArray.Create(latest.Encode()))));
    }

    /// <inheritdoc/>
    public async Task<VdfCheckpointData[]> GetCheckpointsAsync(ulong fromSequence, int limit)
    {
        if (limit is < 1 or > VdfStatus.MaxCheckpointsPerRead)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be 1 to {VdfStatus.MaxCheckpointsPerRead}; got {limit}.");
        }

        return [.. await store.ReadAsync(OwnerOf(node), fromSequence, limit)];
    }

    /// <inheritdoc/>
    public Task DeactivateAsync()
    {
        // The evaluator stops in OnDeactivateAsync, once this activation is idle.
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private VdfRunner RunningOrThrow()
    {
        if (!node.VdfEnabled)
        {
            throw new InvalidOperationException("The VDF is switched off on this node (NodeOptions.VdfEnabled); block records cannot carry a VDF point.");
        }

        if (_runner is not { IsRunning: true } runner)
        {
            DeactivateOnIdle();
            throw new InvalidOperationException($"The VDF evaluator is not running{(_runner?.Failure is { } failure ? ": " + failure.Message : "")}; the next call resumes it from the last durable checkpoint.");
        }

        return runner;
    }

    /// <summary>Stops the evaluator (joins its thread, drops the buffer) and writes the queued checkpoints.</summary>
    private async Task StopAsync()
    {
        metrics.Publish(null);
        if (_runner is { } runner)
        {
            _runner = null;
            await runner.StopAsync();
        }

        if (_writer is { } writer)
        {
            await writer.FlushAndStopAsync(FlushTimeout);
        }
    }
}
