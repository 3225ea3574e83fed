// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// Sets the co-hosted gateway's network to the block source's and, when no adapter token is
/// configured, reads (or creates at first start) the token file in the data folder. Runs after the
/// configuration binding; it resolves the node context, so only once the silo has validated its options.
/// </summary>
internal sealed partial class NodeGatewayOptionsSetup(
    IServiceProvider services,
    ILogger<NodeGatewayOptionsSetup> logger) : IConfigureOptions<GatewayOptions>
{
    /// <inheritdoc/>
    public void Configure(GatewayOptions options)
    {
        options.Network = services.GetRequiredService<IBlockSource>().Network;
        if (!string.IsNullOrEmpty(options.AdapterToken))
        {
            LogConfiguredToken(logger);
            return;
        }

        string path = Path.Combine(services.GetRequiredService<NodeContext>().DataDirectory, AdapterTokenFile.FileName);
        options.AdapterToken = AdapterTokenFile.LoadOrCreate(path, out bool created);
        LogTokenFile(logger, created ? "created" : "read", path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Adapter token for POST /api/blocks: from configuration (OrleansProofs:Gateway:AdapterToken)")]
    private static partial void LogConfiguredToken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adapter token for POST /api/blocks: {Action} {Path}")]
    private static partial void LogTokenFile(ILogger logger, string action, string path);
}
