// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Silo.Beacon;

namespace OrleansProofs.Silo.Blocks;

/// <summary>
/// The blockchain adapter loop: once the silo is active, it asks the <see cref="IBlockSource"/> for
/// the block after the network's latest recorded one and announces it to the network's
/// <see cref="IBlockIngressGrain"/>, block after block, logging each. A failed block is asked for and
/// announced again (the ingress and the chains are idempotent per height); a rejected one makes it
/// re-read the latest recorded height. After the first accepted block it registers the demo files.
/// It stops before the silo deactivates its grains.
/// </summary>
/// <remarks>
/// Lifecycle participants are created before the silo validates its configuration, so the node
/// context, the source and the registrar (which read the options) are resolved only when it starts.
/// </remarks>
internal sealed partial class BlockFollower(
    IServiceProvider services,
    IGrainFactory grains,
    IOptions<BlockSourceOptions> options,
    ILogger<BlockFollower> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private Task _demo = Task.CompletedTask;

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(BlockFollower), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        NodeContext node = services.GetRequiredService<NodeContext>();
        IRandomnessBeacon? beacon = services.GetRequiredService<ConfiguredBeacon>().Beacon;
        IBlockSource source = BeaconBlockSource.Wrap(services.GetRequiredService<IBlockSource>(), beacon);
        LogNode(logger, node.Key.PublicKey.ToString(), node.DataDirectory, node.Parameters.Name);
        if (string.Equals(options.Value.Source, BlockSourceOptions.NoSource, StringComparison.OrdinalIgnoreCase))
        {
            LogNoSource(logger, source.Network);
            return Task.CompletedTask;
        }

        if (beacon is not null)
        {
            LogBeacon(logger, beacon.Description);
        }

        _loop = Task.Run(() => RunAsync(source, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_loop, _demo).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop and the demo registration end at their next await.
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(IBlockSource source, CancellationToken cancellationToken)
    {
        IBlockIngressGrain ingress = grains.GetGrain<IBlockIngressGrain>(source.Network);
        ulong next = await NextHeightAsync(source.Network, ingress, cancellationToken);
        LogFollowing(logger, source.Network, source.GetType().Name, next);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                BlockAnnouncement block = await source.WaitForBlockAsync(next, cancellationToken);
                BlockResult result = await ingress.OnBlockAsync(block);
                if (result.IsAccepted)
                {
                    BlockRecord record = result.Record;
                    LogBlock(logger, result.Outcome == BlockOutcome.Recorded ? LogLevel.Debug : LogLevel.Information, record.Height, result.Outcome, record.TotalChains, record.Faults,
                        record.GlobalRoot.ToString(), record.Timings.Total.TotalMilliseconds, record.BlockHash.ToString());
                    next = record.Height + 1;
                    if (_demo == Task.CompletedTask && options.Value.DemoFiles > 0)
                    {
                        DemoFileRegistrar demoFiles = services.GetRequiredService<DemoFileRegistrar>();
                        _demo = Task.Run(() => demoFiles.RegisterAsync(source.Network, cancellationToken), CancellationToken.None);
                    }
                }
                else
                {
                    LogRejected(logger, block.Height, result.Rejection, result.Detail);
                    next = await NextHeightAsync(source.Network, ingress, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogBlockFailed(logger, exception, next);
                await DelayAsync(cancellationToken);
            }
        }

        LogStopped(logger, source.Network, next);
    }

    private async Task<ulong> NextHeightAsync(string network, IBlockIngressGrain ingress, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                BlockRecord? latest = await ingress.GetLatestAsync();
                return latest is null ? options.Value.StartHeight : latest.Height + 1;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogLatestFailed(logger, exception, network);
                await DelayAsync(cancellationToken);
            }
        }
    }

    private static async Task DelayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(s_retryDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller's loop checks the token.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node key {PublicKey}, data folder {DataDirectory}, profile {Profile}")]
    private static partial void LogNode(ILogger logger, string publicKey, string dataDirectory, string profile);

    [LoggerMessage(Level = LogLevel.Information, Message = "No block source: network {Network} records blocks only when they are announced to its ingress grain")]
    private static partial void LogNoSource(ILogger logger, string network);

    [LoggerMessage(Level = LogLevel.Information, Message = "Randomness beacon {Beacon}: each block's entropy mixes in its verified value")]
    private static partial void LogBeacon(ILogger logger, string beacon);

    [LoggerMessage(Level = LogLevel.Information, Message = "Following network {Network} through {Source} from height {Height}")]
    private static partial void LogFollowing(ILogger logger, string network, string source, ulong height);

    // A recorded block is logged by the ingress grain at Information; this line adds the block hash.
    [LoggerMessage(
        Message = "Block {Height} {Outcome}: {Chains} chains, {Faults} faults, global root {GlobalRoot}, {Milliseconds:F1} ms (hash {BlockHash})")]
    private static partial void LogBlock(ILogger logger, LogLevel level, ulong height, BlockOutcome outcome, ulong chains, ulong faults, string globalRoot, double milliseconds, string blockHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Block {Height} rejected ({Rejection}): {Detail}")]
    private static partial void LogRejected(ILogger logger, ulong height, BlockRejection rejection, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Block {Height} failed; it is announced again")]
    private static partial void LogBlockFailed(ILogger logger, Exception exception, ulong height);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the latest block of network {Network}; retrying")]
    private static partial void LogLatestFailed(ILogger logger, Exception exception, string network);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped following network {Network} (next height {Height})")]
    private static partial void LogStopped(ILogger logger, string network, ulong height);
}
