// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;

namespace OrleansProofs.Gateway.Status;

/// <summary>How <c>GET /health</c> decides that the chain adapter is fresh.</summary>
public sealed class ReadinessOptions
{
    /// <summary>
    /// Gets or sets the time between layer-1 blocks the adapter delivers. Default: null, the node
    /// profile's block time (the co-hosted node sets its block source's interval here).
    /// </summary>
    public TimeSpan? BlockInterval { get; set; }

    /// <summary>
    /// Gets or sets how many block intervals the latest block's timestamp may lag behind the clock before
    /// the adapter counts as stale. Default: 3.
    /// </summary>
    public int StaleAfterBlocks { get; set; } = 3;
}

/// <summary>Checks <see cref="ReadinessOptions"/>; each message names the option and the rule.</summary>
internal sealed class ReadinessOptionsValidator : IValidateOptions<ReadinessOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ReadinessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BlockInterval is { } interval && interval <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail($"ReadinessOptions.BlockInterval must be greater than zero when set; got {interval}.");
        }

        return options.StaleAfterBlocks < 1
            ? ValidateOptionsResult.Fail($"ReadinessOptions.StaleAfterBlocks must be at least 1; got {options.StaleAfterBlocks}.")
            : ValidateOptionsResult.Success;
    }
}
