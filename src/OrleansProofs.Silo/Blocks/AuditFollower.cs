// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Audit;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Silo.Blocks;

/// <summary>
/// The verifier's audit loop (role "verifier" or "both"): once the silo is active it watches the node's own
/// block ingress — whose records are the layer-1 blocks of the node's own block source — and for every new
/// latest block asks each configured prover's <see cref="IProverAuditGrain"/> to audit it, the provers in
/// parallel. When it falls behind by more than one block it audits the latest only (availability is about now;
/// the skipped heights are not audited). A failed audit is retried at the next poll. It stops with the silo.
/// </summary>
internal sealed partial class AuditFollower(
    IServiceProvider services,
    IGrainFactory grains,
    IOptions<NodeOptions> node,
    IOptions<VerifierOptions> options,
    IOptions<BlockSourceOptions> source,
    ILogger<AuditFollower> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AuditFollower), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        if (!NodeRoles.Verifies(node.Value.Role))
        {
            return Task.CompletedTask;
        }

        ProverPublicKey[] provers = [.. services.GetRequiredService<ProverGateways>().Keys];
        LogAuditing(logger, provers.Length, source.Value.Network);
        _loop = Task.Run(() => RunAsync(provers, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends at its next await.
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(ProverPublicKey[] provers, CancellationToken cancellationToken)
    {
        string network = source.Value.Network;
        IBlockIngressGrain ingress = grains.GetGrain<IBlockIngressGrain>(network);
        ulong? audited = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                BlockRecord? latest = await ingress.GetLatestAsync();
                if (latest is not null && (audited is null || latest.Height > audited))
                {
                    AuditBlock block = new(latest.Height, latest.BlockHash, latest.Beacon, network);
                    await Task.WhenAll(provers.Select(prover => grains.GetGrain<IProverAuditGrain>(prover.ToString()).AuditBlockAsync(block)));
                    audited = latest.Height;
                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogAuditFailed(logger, exception, audited);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Verifier: auditing {Provers} prover(s) at every block of network {Network}")]
    private static partial void LogAuditing(ILogger logger, int provers, string network);

    [LoggerMessage(Level = LogLevel.Error, Message = "Verifier: an audit after height {Height} failed; it is retried")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, ulong? height);
}
