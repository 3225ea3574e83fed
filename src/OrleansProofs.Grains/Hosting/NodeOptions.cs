// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Core.Parameters;

namespace OrleansProofs.Grains.Hosting;

/// <summary>Where this node keeps its files and which rules it runs under.</summary>
public sealed class NodeOptions
{
    /// <summary>Gets or sets the data folder: registered files must lie inside it. Default: "data".</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Gets or sets the folder replicas are written to. Default: "replicas" inside <see cref="DataDirectory"/>.</summary>
    public string? ReplicaDirectory { get; set; }

    /// <summary>Gets or sets the node key file (created on first start when missing). Default: "node.key" inside <see cref="DataDirectory"/>.</summary>
    public string? KeyFilePath { get; set; }

    /// <summary>Gets or sets the consensus profile name ("standard", "enhanced" or "dev"). Default: "standard".</summary>
    public string Profile { get; set; } = "standard";

    /// <summary>Gets or sets how many chain commits one block runs at once. Default: 64.</summary>
    public int CommitParallelism { get; set; } = 64;

    /// <summary>Gets or sets how many block records the ingress keeps (the audit horizon). Default: 64.</summary>
    public int RetainedBlocks { get; set; } = 64;
}

/// <summary>Checks <see cref="NodeOptions"/> when the silo starts; each message names the option and the rule.</summary>
internal sealed class NodeOptionsValidator(IOptions<NodeOptions> options) : IConfigurationValidator
{
    /// <inheritdoc/>
    public void ValidateConfiguration()
    {
        NodeOptions value = options.Value;
        if (string.IsNullOrWhiteSpace(value.DataDirectory))
        {
            throw new OrleansConfigurationException("NodeOptions.DataDirectory must be a folder path.");
        }

        if (!ConsensusParameters.ProfileNames.Contains(value.Profile, StringComparer.OrdinalIgnoreCase))
        {
            throw new OrleansConfigurationException(
                $"NodeOptions.Profile must be one of {string.Join(", ", ConsensusParameters.ProfileNames)}; got '{value.Profile}'.");
        }

        if (value.CommitParallelism < 1)
        {
            throw new OrleansConfigurationException($"NodeOptions.CommitParallelism must be at least 1; got {value.CommitParallelism}.");
        }

        if (value.RetainedBlocks < 1)
        {
            throw new OrleansConfigurationException($"NodeOptions.RetainedBlocks must be at least 1; got {value.RetainedBlocks}.");
        }
    }
}
