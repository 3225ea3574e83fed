// SPDX-License-Identifier: MIT

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Grains.Hosting;

/// <summary>
/// When the silo becomes active, asks the kernel to read the node's replica files into the page cache in the
/// background, up to <see cref="NodeOptions.ReplicaWarmupBytes"/>. Why: every block reads a few random 4 KiB
/// chunks of every replica (400,000 reads at 100,000 chains); after the host itself restarted nothing is cached,
/// those reads go to the disk one by one, and the first blocks took 113, 68, 32 and 19 s before settling near
/// 11 s. Whole-file read-ahead issued up front turns them into large sequential reads the disk serves far faster.
/// Blocks do not wait for it.
/// </summary>
internal sealed partial class ReplicaWarmup(IOptions<NodeOptions> options, IServiceProvider services, ILogger<ReplicaWarmup> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _warming = Task.CompletedTask;

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ReplicaWarmup), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <inheritdoc/>
    public void Dispose() => _stopping.Dispose();

    /// <summary>
    /// Advises read-ahead for each <c>*.replica</c> file of <paramref name="folder"/> that still fits in
    /// <paramref name="budgetBytes"/>; the files that do not fit are counted, not advised.
    /// </summary>
    internal static ReplicaWarmupResult Warm(string folder, long budgetBytes, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        int advised = 0;
        int beyondBudget = 0;
        long bytes = 0;
        bool supported = true;
        foreach (string path in Directory.EnumerateFiles(folder, "*" + NodeContext.ReplicaSuffix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                long length = RandomAccess.GetLength(file);
                if (!supported || bytes + length > budgetBytes)
                {
                    beyondBudget++;
                    continue;
                }

                supported = PageCache.TryAdviseWillNeed(file);
                if (supported)
                {
                    advised++;
                    bytes += length;
                }
                else
                {
                    beyondBudget++;
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A replica removed or replaced meanwhile: nothing to warm; its chain reports it when it reads.
            }
        }

        return new ReplicaWarmupResult(advised, bytes, beyondBudget, supported, Stopwatch.GetElapsedTime(started));
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        long budget = options.Value.ReplicaWarmupBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;
        if (budget <= 0)
        {
            LogWarmupOff(logger);
            return Task.CompletedTask;
        }

        // Resolved here, not in the constructor: lifecycle participants are built before options are validated.
        string folder = services.GetRequiredService<NodeContext>().ReplicaDirectory;
        CancellationToken stopping = _stopping.Token;
        // The hint can block while the device queue is full: a thread of its own, never the silo's.
        _warming = Task.Factory.StartNew(
            () => Report(Warm(folder, budget, stopping), folder, budget), stopping, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _warming;
        }
        catch (OperationCanceledException)
        {
            // Stopped before every replica was advised: nothing to undo.
        }
    }

    private void Report(ReplicaWarmupResult result, string folder, long budget)
    {
        if (!result.Supported)
        {
            LogWarmupUnsupported(logger, folder);
            return;
        }

        LogWarmedUp(logger, result.Files, result.Bytes, folder, result.Elapsed.TotalSeconds, result.FilesBeyondBudget, budget);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica warm-up: read-ahead asked for {Files} replicas ({Bytes} B) in {Folder} in {Seconds:F1} s; {Beyond} files beyond the budget of {Budget} B")]
    private static partial void LogWarmedUp(ILogger logger, int files, long bytes, string folder, double seconds, int beyond, long budget);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica warm-up is off (NodeOptions.ReplicaWarmupBytes is 0)")]
    private static partial void LogWarmupOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica warm-up: this platform takes no read-ahead hint; replicas in {Folder} are read on demand")]
    private static partial void LogWarmupUnsupported(ILogger logger, string folder);
}

/// <summary>What one warm-up did.</summary>
/// <param name="Files">Replicas whose read-ahead was asked for.</param>
/// <param name="Bytes">Their total size.</param>
/// <param name="FilesBeyondBudget">Replicas left out (past the budget, or the platform has no hint).</param>
/// <param name="Supported">Whether the platform took the hint.</param>
/// <param name="Elapsed">Time spent issuing the hints (the reads themselves run on in the kernel).</param>
internal readonly record struct ReplicaWarmupResult(int Files, long Bytes, int FilesBeyondBudget, bool Supported, TimeSpan Elapsed);
