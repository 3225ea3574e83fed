// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// The network's roster (every enrolled chain's group, anchor and lifecycle), persisted apart from the
/// block records: it changes when chains enroll or leave, while the block records change every block,
/// and at 100,000 chains writing the roster with every block was ≈ 10 MB per block.
/// </summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.IngressRoster")]
internal sealed record IngressRoster
{
    /// <summary>The enrolled chains, in enrollment order.</summary>
    [Id(0)] public ImmutableArray<ChainEntryState> Chains { get; init; } = [];
}
