// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Logging;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// Keeps the separate gateway trying to reach the cluster at start (silos may start after it, or be
/// restarting), a pause of <see cref="GatewayClientOptions.ConnectRetryDelay"/> between attempts, until
/// the process is stopped. Each failed attempt is logged with its reason.
/// </summary>
internal sealed partial class ClusterConnectionRetryFilter(
    GatewayProcessSettings settings,
    ILogger<ClusterConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    /// <inheritdoc/>
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogWaiting(logger, settings.ClusterId, settings.Server, settings.Client.ConnectRetryDelay.TotalSeconds, exception.Message);
        try
        {
            await Task.Delay(settings.Client.ConnectRetryDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {ClusterId} on PostgreSQL {Server} not reachable yet; retrying in {Seconds} s: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string clusterId, string server, double seconds, string reason);
}
