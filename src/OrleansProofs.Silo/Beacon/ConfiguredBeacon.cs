// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Silo.Beacon;

/// <summary>
/// The beacon this node mixes into block entropy, resolved once at first use (after the configuration
/// was validated): an <see cref="IRandomnessBeacon"/> the host registered, else the development beacon
/// when <see cref="BeaconOptions.Source"/> is "dev" (its key loaded or created), else none.
/// </summary>
public sealed class ConfiguredBeacon : IDisposable
{
    private readonly Lazy<IRandomnessBeacon?> _beacon;
    private DevRandomnessBeacon? _owned;

    /// <summary>Resolves the beacon from <paramref name="services"/> and the options on first use.</summary>
    public ConfiguredBeacon(IServiceProvider services, IOptions<BeaconOptions> options, IOptions<NodeOptions> node)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(node);
        _beacon = new(() => Resolve(services, options.Value, node.Value));
    }

    /// <summary>The beacon, or null when the node runs without one.</summary>
    public IRandomnessBeacon? Beacon => _beacon.Value;

    /// <summary>The development beacon's key file: the configured one, or "beacon.key" in the data folder.</summary>
    public static string KeyFilePathOf(BeaconOptions options, NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(node);
        return Path.GetFullPath(options.KeyFilePath ?? Path.Combine(node.DataDirectory, "beacon.key"));
    }

    private IRandomnessBeacon? Resolve(IServiceProvider services, BeaconOptions options, NodeOptions node)
    {
        if (services.GetService<IRandomnessBeacon>() is { } registered)
        {
            return registered;
        }

        if (!string.Equals(options.Source, BeaconOptions.DevBeacon, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string path = KeyFilePathOf(options, node);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        NodeKey key = NodeKeyFile.LoadOrCreate(path, out _);
        if (options.PublicKey is { } expected && ProverPublicKey.Parse(expected) != key.PublicKey)
        {
            key.Dispose();
            throw new InvalidOperationException($"BeaconOptions.PublicKey is {expected} but the beacon key file '{path}' holds key {key.PublicKey}.");
        }

        _owned = new DevRandomnessBeacon(key);
        return _owned;
    }

    /// <inheritdoc/>
    public void Dispose() => _owned?.Dispose();
}
