// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansProofs.Grains.Hosting;

namespace Orleans.Hosting;

/// <summary>Registers the OrleansProofs node (options, node key, consensus parameters) on a silo.</summary>
public static class NodeSiloBuilderExtensions
{
    /// <summary>
    /// Adds the node's services. The host must also add grain storage named
    /// <see cref="NodeStorage.ProviderName"/>. Idempotent: a second call only adds its configuration.
    /// </summary>
    public static ISiloBuilder AddOrleansProofsNode(this ISiloBuilder builder, Action<NodeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        if (builder.Services.Any(d => d.ServiceType == typeof(NodeContext)))
        {
            return builder;
        }

        builder.Services.TryAddSingleton<NodeContext>();
        builder.Services.AddSingleton<IConfigurationValidator, NodeOptionsValidator>();
        return builder;
    }
}
