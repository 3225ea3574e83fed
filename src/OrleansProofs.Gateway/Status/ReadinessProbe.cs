// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Status;

/// <summary>Runs the readiness checks of <c>GET /health</c> against the node's grains and the clock.</summary>
internal sealed class ReadinessProbe(NodeGrains node, IOptions<ReadinessOptions> options, TimeProvider time)
{
    /// <summary>Runs the checks in order and stops at the first that fails.</summary>
    public async Task<ReadinessReport> CheckAsync()
    {
        NodeIdentity identity;
        try
        {
            identity = await node.Node.GetIdentityAsync();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new ReadinessReport(null, null, null, null, null, null, "silo", $"the node grain did not answer: {Problems.ReasonOf(error)}");
        }

        ReadinessOptions settings = options.Value;
        TimeSpan interval = settings.BlockInterval ?? ConsensusParameters.FromName(identity.Profile).BlockTime;
        TimeSpan maxAge = interval * settings.StaleAfterBlocks;
        BlockRecord? latest;
        try
        {
            // The ingress answers from memory once active, so the database is read on its own: a storage
            // outage must show here, not only after the adapter check goes stale.
            await node.Node.CheckStorageAsync(node.Network);
            latest = await node.Ingress.GetLatestAsync();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new ReadinessReport(identity, null, false, interval, maxAge, null, "storage", $"the storage (commitment log or the block ingress's state) did not answer: {Problems.ReasonOf(error)}");
        }

        if (latest is null)
        {
            return new ReadinessReport(identity, null, true, interval, maxAge, null, "adapter",
                $"network '{node.Network}' has recorded no block yet; the chain adapter has not delivered one.");
        }

        // Block timestamps are whole Unix seconds (rounded down), so a block can look up to a second older
        // than it is: the comparison allows that second, or fast development blocks would flap stale.
        TimeSpan age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(latest.Timestamp, (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (age > maxAge + ReadinessReport.TimestampResolution)
        {
            return new ReadinessReport(identity, latest, true, interval, maxAge, age, "adapter", string.Create(CultureInfo.InvariantCulture,
                $"the latest block ({latest.Height}) is {age.TotalSeconds:F0} s old; blocks are due every {interval.TotalSeconds:0.###} s and count as stale after {maxAge.TotalSeconds:0.###} s ({settings.StaleAfterBlocks} block times, plus 1 s for whole-second timestamps)."));
        }

        return new ReadinessReport(identity, latest, true, interval, maxAge, age, null, null);
    }
}
