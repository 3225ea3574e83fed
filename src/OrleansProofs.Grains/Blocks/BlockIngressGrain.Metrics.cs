// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// The ingress's telemetry: a span and an outcome count per announcement, durations and sizes per
/// recorded block (<see cref="NodeMetrics"/>), and the roster's counts by status. The counts are
/// kept, not scanned per scrape: recounted when the activation starts and after each recorded block
/// (which walks the roster anyway), adjusted by enrollments and removals in between.
/// </summary>
internal sealed partial class BlockIngressGrain
{
    private ChainCounts _chainCounts;

    /// <inheritdoc/>
    public async Task<BlockResult> OnBlockAsync(BlockAnnouncement block)
    {
        ArgumentNullException.ThrowIfNull(block);
        string network = this.GetPrimaryKeyString();
        using Activity? activity = NodeTracing.StartBlock("orleansproofs.block", network, block.Height);
        long started = Stopwatch.GetTimestamp();
        BlockResult result;
        try
        {
            result = await HandleBlockAsync(block);
        }
        catch (Exception error)
        {
            metrics.BlockFailed(network);
            NodeTracing.Fail(activity, error);
            throw;
        }

        metrics.BlockHandled(network, result);
        activity?.SetTag(NodeTracing.OutcomeTag, result.Outcome.ToString());
        if (result.Outcome == BlockOutcome.Recorded)
        {
            metrics.BlockRecorded(network, result.Record!, Stopwatch.GetElapsedTime(started));
            activity?.SetTag(NodeTracing.ChainsTag, result.Record!.TotalChains);
        }

        return result;
    }

    /// <inheritdoc/>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The next activation (on this silo or another) reports the network; a stale count must not linger here.
        metrics.WithdrawChains(this.GetPrimaryKeyString());
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Counts the roster by status against the latest block and publishes the counts (O(chains): activation and recorded blocks only).</summary>
    private void RecountChains()
    {
        BlockRecord? latest = Current.Latest;
        long pending = 0, active = 0, removing = 0;
        foreach (ChainEntryState entry in Current.Chains)
        {
            switch (StatusOf(entry, latest))
            {
                case ChainStatus.Pending:
                    pending++;
                    break;
                case ChainStatus.Active:
                    active++;
                    break;
                case ChainStatus.Removing:
                    removing++;
                    break;
            }
        }

        PublishChainCounts(new ChainCounts(pending, active, removing));
    }

    /// <summary>Adds newly enrolled chains (pending until the next block covers them).</summary>
    private void CountEnrolled(int chains) => PublishChainCounts(_chainCounts with { Pending = _chainCounts.Pending + chains });

    /// <summary>Moves one chain from <paramref name="from"/> to removing (its removal was just scheduled).</summary>
    private void CountRemovalScheduled(ChainStatus from) => PublishChainCounts(from switch
    {
        ChainStatus.Pending => _chainCounts with { Pending = _chainCounts.Pending - 1, Removing = _chainCounts.Removing + 1 },
        ChainStatus.Active => _chainCounts with { Active = _chainCounts.Active - 1, Removing = _chainCounts.Removing + 1 },
        _ => _chainCounts,
    });

    private void PublishChainCounts(ChainCounts counts)
    {
        _chainCounts = counts;
        metrics.PublishChains(this.GetPrimaryKeyString(), counts);
    }
}
