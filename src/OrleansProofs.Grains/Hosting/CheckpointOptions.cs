// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Core.Parameters;

namespace OrleansProofs.Grains.Hosting;

/// <summary>
/// The prover's layer-1 checkpoints (configuration section <c>OrleansProofs:Checkpoints</c>; docs/protocol.md §11):
/// how often the ingress signs and submits one, backed by a checkpoint bond, and how many blocks a
/// checkpoint stays open to disputes before its bond is released.
/// </summary>
public sealed class CheckpointOptions
{
    /// <summary>The interval on development networks when <see cref="IntervalBlocks"/> is unset: small, so a short run sees several.</summary>
    public const int DevIntervalBlocks = 8;

    /// <summary>The most blocks accepted for either setting.</summary>
    public const int MaxBlocks = 1_000_000;

    /// <summary>
    /// Gets or sets the blocks between checkpoints (a checkpoint at every height divisible by it). Null
    /// (the default): <see cref="DevIntervalBlocks"/> on the "dev" profile and parameter sets named
    /// "dev-…", else the parameters' <c>VdfCheckpointIntervalBlocks</c> (225).
    /// </summary>
    public int? IntervalBlocks { get; set; }

    /// <summary>
    /// Gets or sets the dispute window: a checkpoint's bond is released once this many blocks were
    /// recorded after it without it being slashed. Default: 16.
    /// </summary>
    public int DisputeWindowBlocks { get; set; } = 16;

    /// <summary>Gets or sets whether the prover submits checkpoints at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The interval this node uses under <paramref name="parameters"/>.</summary>
    public int IntervalFor(ConsensusParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return IntervalBlocks
            ?? (string.Equals(parameters.Name, "dev", StringComparison.OrdinalIgnoreCase) || parameters.Name.StartsWith("dev-", StringComparison.OrdinalIgnoreCase)
                ? DevIntervalBlocks
                : parameters.VdfCheckpointIntervalBlocks);
    }
}

/// <summary>Refuses to start a silo whose <see cref="CheckpointOptions"/> are invalid, naming the setting.</summary>
internal sealed class CheckpointOptionsValidator(IOptions<CheckpointOptions> options) : IConfigurationValidator
{
    /// <inheritdoc/>
    public void ValidateConfiguration()
    {
        CheckpointOptions value = options.Value;
        if (value.IntervalBlocks is { } interval && interval is < 1 or > CheckpointOptions.MaxBlocks)
        {
            throw new OrleansConfigurationException($"CheckpointOptions.IntervalBlocks must be 1 to {CheckpointOptions.MaxBlocks} when set; got {interval}.");
        }

        if (value.DisputeWindowBlocks is < 1 or > CheckpointOptions.MaxBlocks)
        {
            throw new OrleansConfigurationException($"CheckpointOptions.DisputeWindowBlocks must be 1 to {CheckpointOptions.MaxBlocks}; got {value.DisputeWindowBlocks}.");
        }
    }
}
