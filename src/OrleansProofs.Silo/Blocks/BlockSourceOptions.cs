// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Silo.Blocks;

/// <summary>Which layer-1 chain the node follows, and the demo files it registers at start.</summary>
public sealed class BlockSourceOptions
{
    /// <summary>The value of <see cref="Source"/> that follows the built-in development chain.</summary>
    public const string DevSource = "dev";

    /// <summary>The value of <see cref="Source"/> that follows no chain (blocks arrive through the grain API only).</summary>
    public const string NoSource = "none";

    /// <summary>The longest network name accepted.</summary>
    public const int MaxNetworkLength = 64;

    /// <summary>The most demo files accepted.</summary>
    public const int MaxDemoFiles = 1_000;

    /// <summary>The largest demo file accepted, in bytes (64 MiB).</summary>
    public const int MaxDemoFileSize = 64 << 20;

    /// <summary>Gets or sets the network name: the block ingress grain's key, letters, digits, '.', '_' and '-'. Default: "dev".</summary>
    public string Network { get; set; } = "dev";

    /// <summary>Gets or sets the block source: "dev" (the built-in development chain) or "none". Default: "dev".</summary>
    public string Source { get; set; } = DevSource;

    /// <summary>Gets or sets the development chain's seed: its block hashes derive from it, the network and the height. Default: "posc-dev".</summary>
    public string Seed { get; set; } = "posc-dev";

    /// <summary>Gets or sets the time between development blocks. Default: null, the profile's block time (dev: 2 s).</summary>
    public TimeSpan? BlockInterval { get; set; }

    /// <summary>Gets or sets the height of the first block when the network has recorded none. Default: 1.</summary>
    public ulong StartHeight { get; set; } = 1;

    /// <summary>Gets or sets how many demo files to create (when missing) in the "demo-files" folder of the data folder and register after the first block. Default: 0.</summary>
    public int DemoFiles { get; set; }

    /// <summary>Gets or sets the size of each new demo file in bytes. Default: 262,144 (256 KiB).</summary>
    public int DemoFileSize { get; set; } = 256 * 1024;
}

/// <summary>Checks <see cref="BlockSourceOptions"/> when the silo starts; each message names the option and the rule.</summary>
internal sealed class BlockSourceOptionsValidator(IOptions<BlockSourceOptions> options, IOptions<NodeOptions> node) : IConfigurationValidator
{
    /// <inheritdoc/>
    public void ValidateConfiguration()
    {
        BlockSourceOptions value = options.Value;
        if (string.IsNullOrEmpty(value.Network) || value.Network.Length > BlockSourceOptions.MaxNetworkLength
            || !value.Network.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new OrleansConfigurationException(
                $"BlockSourceOptions.Network must be 1 to {BlockSourceOptions.MaxNetworkLength} letters, digits, '.', '_' or '-'; got '{value.Network}'.");
        }

        if (!string.Equals(value.Source, BlockSourceOptions.DevSource, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(value.Source, BlockSourceOptions.NoSource, StringComparison.OrdinalIgnoreCase))
        {
            throw new OrleansConfigurationException(
                $"BlockSourceOptions.Source must be '{BlockSourceOptions.DevSource}' or '{BlockSourceOptions.NoSource}'; got '{value.Source}'.");
        }

        if (string.IsNullOrEmpty(value.Seed))
        {
            throw new OrleansConfigurationException("BlockSourceOptions.Seed must not be empty.");
        }

        if (value.BlockInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new OrleansConfigurationException($"BlockSourceOptions.BlockInterval must be greater than zero when set; got {interval}.");
        }

        if (value.DemoFiles is < 0 or > BlockSourceOptions.MaxDemoFiles)
        {
            throw new OrleansConfigurationException($"BlockSourceOptions.DemoFiles must be between 0 and {BlockSourceOptions.MaxDemoFiles}; got {value.DemoFiles}.");
        }

        if (value.DemoFiles > 0)
        {
            if (string.Equals(value.Source, BlockSourceOptions.NoSource, StringComparison.OrdinalIgnoreCase))
            {
                throw new OrleansConfigurationException(
                    $"BlockSourceOptions.DemoFiles needs a block source to anchor to; BlockSourceOptions.Source is '{value.Source}'.");
            }

            ulong minimum = ConsensusParameters.ProfileNames.Contains(node.Value.Profile, StringComparer.OrdinalIgnoreCase)
                ? ConsensusParameters.FromName(node.Value.Profile).MinimumFileSizeBytes
                : 1;
            if (value.DemoFileSize < 1 || (ulong)value.DemoFileSize < minimum || value.DemoFileSize > BlockSourceOptions.MaxDemoFileSize)
            {
                throw new OrleansConfigurationException(
                    $"BlockSourceOptions.DemoFileSize must be between {Math.Max(minimum, 1)} (the profile's minimum file size) and {BlockSourceOptions.MaxDemoFileSize} bytes; got {value.DemoFileSize}.");
            }
        }
    }
}
