// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// Settles the co-hosted gateway's options at start (after the silo, before Kestrel; a bad token file
/// fails the start) and logs where the API listens once the server is up.
/// </summary>
internal sealed partial class NodeGatewayAnnouncer(
    IOptions<GatewayOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<NodeGatewayAnnouncer> logger) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        string network = options.Value.Network;
        lifetime.ApplicationStarted.Register(() =>
        {
            ICollection<string> addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            LogListening(logger, network, string.Join(", ", addresses));
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP API of network {Network} on {Addresses}")]
    private static partial void LogListening(ILogger logger, string network, string addresses);
}
