// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Logging;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// The gateway's two credentials (operator API key, adapter token), for the co-hosted gateway and the
/// separate gateway process alike: each one configured wins, otherwise its key file in the data folder
/// is read (or created at first start; processes sharing the volume agree on the first one written).
/// Logs where each key comes from, never the key.
/// </summary>
internal static partial class GatewayCredentials
{
    /// <summary>Fills <see cref="GatewayOptions.ApiKey"/> and <see cref="GatewayOptions.AdapterToken"/> from configuration or the key files in <paramref name="data"/>.</summary>
    public static void Resolve(GatewayOptions options, string data, ILogger logger)
    {
        options.ApiKey = Resolve(options.ApiKey, data, BearerKeyFile.OperatorKeyFileName, nameof(GatewayOptions.ApiKey),
            "Operator API key (POST /api/chains and other state changes)", logger);
        options.AdapterToken = Resolve(options.AdapterToken, data, BearerKeyFile.AdapterTokenFileName, nameof(GatewayOptions.AdapterToken),
            "Adapter token (POST /api/blocks)", logger);
    }

    private static string Resolve(string? configured, string data, string fileName, string setting, string role, ILogger logger)
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
