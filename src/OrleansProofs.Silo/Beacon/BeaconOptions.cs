// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Silo.Beacon;

/// <summary>The randomness beacon mixed into each block's entropy (configuration section <c>OrleansProofs:Beacon</c>).</summary>
public sealed class BeaconOptions
{
    /// <summary>The value of <see cref="Source"/> for no beacon: block entropy uses 32 zero bytes.</summary>
    public const string NoBeacon = "none";

    /// <summary>The value of <see cref="Source"/> for the development beacon (<see cref="DevRandomnessBeacon"/>).</summary>
    public const string DevBeacon = "dev";

    /// <summary>Gets or sets the beacon: "none" or "dev". A host that registers its own <c>IRandomnessBeacon</c> uses that one instead. Default: "none".</summary>
    public string Source { get; set; } = NoBeacon;

    /// <summary>Gets or sets the development beacon's key file (created on first start when missing). Default: "beacon.key" in the data folder.</summary>
    public string? KeyFilePath { get; set; }

    /// <summary>
    /// Gets or sets the beacon public key (64 hex digits) the node expects: when set, a key file with
    /// another key refuses to start, so a node never mixes in a beacon its verifiers do not know. Default: none.
    /// </summary>
    public string? PublicKey { get; set; }
}

/// <summary>Checks <see cref="BeaconOptions"/> when the silo starts; each message names the option and the rule.</summary>
internal sealed class BeaconOptionsValidator(IOptions<BeaconOptions> options, IOptions<NodeOptions> node) : IConfigurationValidator
{
    /// <inheritdoc/>
    public void ValidateConfiguration()
    {
        BeaconOptions value = options.Value;
        bool dev = string.Equals(value.Source, BeaconOptions.DevBeacon, StringComparison.OrdinalIgnoreCase);
        if (!dev && !string.Equals(value.Source, BeaconOptions.NoBeacon, StringComparison.OrdinalIgnoreCase))
        {
            throw new OrleansConfigurationException($"BeaconOptions.Source must be '{BeaconOptions.NoBeacon}' or '{BeaconOptions.DevBeacon}'; got '{value.Source}'.");
        }

        ProverPublicKey? expected = null;
        if (value.PublicKey is not null)
        {
            if (!Hash32.TryParse(value.PublicKey, out Hash32 parsed))
            {
                throw new OrleansConfigurationException($"BeaconOptions.PublicKey must be 64 hex digits (an Ed25519 public key); got '{value.PublicKey}'.");
            }

            expected = new ProverPublicKey(parsed.Bytes);
        }

        if (value.KeyFilePath is { } path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new OrleansConfigurationException("BeaconOptions.KeyFilePath must be a file path when it is set; got an empty value.");
            }

            if (Directory.Exists(path))
            {
                throw new OrleansConfigurationException($"BeaconOptions.KeyFilePath must name a file; '{Path.GetFullPath(path)}' is a folder.");
            }
        }

        string keyFile = ConfiguredBeacon.KeyFilePathOf(value, node.Value);
        if (dev && File.Exists(keyFile))
        {
            ProverPublicKey actual;
            try
            {
                using NodeKey key = NodeKeyFile.Load(keyFile);
                actual = key.PublicKey;
            }
            catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
            {
                throw new OrleansConfigurationException($"BeaconOptions.KeyFilePath '{Path.GetFullPath(keyFile)}' is not a readable key file: {error.Message}", error);
            }

            if (expected is { } key2 && key2 != actual)
            {
                throw new OrleansConfigurationException(
                    $"BeaconOptions.PublicKey is {key2} but the beacon key file '{keyFile}' holds key {actual}.");
            }
        }
    }
}
