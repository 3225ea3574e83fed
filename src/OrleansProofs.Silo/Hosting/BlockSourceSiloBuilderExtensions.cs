// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Silo.Beacon;
using OrleansProofs.Silo.Blocks;

namespace Orleans.Hosting;

/// <summary>Registers the node's blockchain adapter loop and the development chain.</summary>
public static class BlockSourceSiloBuilderExtensions
{
    /// <summary>
    /// Adds the block follower (announces each block of the <see cref="IBlockSource"/> to the
    /// network's ingress grain once the silo is active) and the demo-file registration. The block
    /// source is the <see cref="DevBlockSource"/> unless an <see cref="IBlockSource"/> is registered
    /// before this call; with a randomness beacon (<see cref="BeaconOptions"/>, or a registered
    /// <see cref="IRandomnessBeacon"/>) each block carries the beacon's verified value for its height. Idempotent: a second call only adds its configuration.
    /// </summary>
    public static ISiloBuilder AddOrleansProofsBlockSource(this ISiloBuilder builder, Action<BlockSourceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        if (builder.Services.Any(d => d.ServiceType == typeof(BlockFollower)))
        {
            return builder;
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IBlockSource>(sp => DevBlockSource.FromOptions(
            sp.GetRequiredService<IOptions<BlockSourceOptions>>().Value,
            sp.GetRequiredService<IOptions<NodeOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<DemoFileRegistrar>();
        builder.Services.AddSingleton<BlockFollower>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<BlockFollower>());
        // The verifier's audit loop; it runs only when NodeOptions.Role verifies.
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AuditFollower>();
        builder.Services.AddSingleton<IConfigurationValidator, BlockSourceOptionsValidator>();
        builder.Services.TryAddSingleton<ConfiguredBeacon>();
        builder.Services.AddSingleton<IConfigurationValidator, BeaconOptionsValidator>();
        return builder;
    }
}
