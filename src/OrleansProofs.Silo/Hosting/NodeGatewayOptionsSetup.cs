// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// Sets the co-hosted gateway's network to the block source's and its data folder to the node's (so
/// uploads land on the silo's volume) and, for each credential not configured (operator API key,
/// adapter token), reads (or creates at first start) its key file in the data folder. Runs after the
/// configuration binding; it resolves the node context, so only once the silo has validated its options.
/// Logs where each key comes from, never the key (<see cref="GatewayCredentials"/>).
/// </summary>
internal sealed class NodeGatewayOptionsSetup(
    IServiceProvider services,
    ILogger<NodeGatewayOptionsSetup> logger) : IConfigureOptions<GatewayOptions>
{
    /// <inheritdoc/>
    public void Configure(GatewayOptions options)
    {
        options.Network = services.GetRequiredService<IBlockSource>().Network;
        string data = services.GetRequiredService<NodeContext>().DataDirectory;
        options.DataDirectory ??= data;
        GatewayCredentials.Resolve(options, data, logger);
    }
}
