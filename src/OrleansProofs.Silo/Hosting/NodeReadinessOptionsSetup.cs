// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Gateway.Status;
using OrleansProofs.Silo.Blocks;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// Gives the co-hosted gateway's health check the block source's interval (<c>--block-interval</c>), so a
/// node minting fast development blocks is judged by its own pace; unset, the profile's block time applies.
/// </summary>
internal sealed class NodeReadinessOptionsSetup(IOptions<BlockSourceOptions> blocks) : IConfigureOptions<ReadinessOptions>
{
    /// <inheritdoc/>
    public void Configure(ReadinessOptions options) => options.BlockInterval ??= blocks.Value.BlockInterval;
}
