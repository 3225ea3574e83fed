// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// Sets the separate gateway's network and data folder from its settings (creating the folder when the
/// volume is new) and its credentials from configuration or the key files on the shared volume
/// (<see cref="GatewayCredentials"/>), so it accepts the same keys as the silos' co-hosted APIs.
/// </summary>
internal sealed partial class GatewayProcessOptionsSetup(
    GatewayProcessSettings settings,
    ILogger<GatewayProcessOptionsSetup> logger) : IConfigureOptions<GatewayOptions>
{
    /// <inheritdoc/>
    public void Configure(GatewayOptions options)
    {
        options.Network = settings.Network;
        Directory.CreateDirectory(settings.DataDirectory);
        options.DataDirectory ??= settings.DataDirectory;
        LogCluster(logger, settings.ClusterId, settings.ServiceId, settings.Server, settings.DataDirectory);
        GatewayCredentials.Resolve(options, settings.DataDirectory, logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway of cluster {ClusterId} (service {ServiceId}), membership on PostgreSQL {Server}, data volume {DataDirectory}")]
    private static partial void LogCluster(ILogger logger, string clusterId, string serviceId, string server, string dataDirectory);
}
