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
/// Logs where each key comes from, never the key.
/// </summary>
internal sealed partial class NodeGatewayOptionsSetup(
    IServiceProvider services,
    ILogger<NodeGatewayOptionsSetup> logger) : IConfigureOptions<GatewayOptions>
{
    /// <inheritdoc/>
    public void Configure(GatewayOptions options)
    {
        options.Network = services.GetRequiredService<IBlockSource>().Network;
        string data = services.GetRequiredService<NodeContext>().DataDirectory;
        options.DataDirectory ??= data;
        options.ApiKey = Resolve(options.ApiKey, data, BearerKeyFile.OperatorKeyFileName, nameof(GatewayOptions.ApiKey),
            "Operator API key (POST /api/chains and other state changes)");
        options.AdapterToken = Resolve(options.AdapterToken, data, BearerKeyFile.AdapterTokenFileName, nameof(GatewayOptions.AdapterToken),
            "Adapter token (POST /api/blocks)");
    }

    private string Resolve(string? configured, string data, string fileName, string setting, string role)
    {
        string key = NodeHost.GatewaySection + ":" + setting;
        if (!string.IsNullOrEmpty(configured))
        {
            LogConfiguredKey(logger, role, key);
            return configured;
        }

        string path = Path.Combine(data, fileName);
        string loaded = BearerKeyFile.LoadOrCreate(path, key, out bool created);
        LogKeyFile(logger, role, created ? "created" : "read", path);
        return loaded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Role}: from configuration ({Setting})")]
    private static partial void LogConfiguredKey(ILogger logger, string role, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Role}: {Action} {Path}")]
    private static partial void LogKeyFile(ILogger logger, string role, string action, string path);
}
