// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Blocks;

/// <summary>One enrolled chain in the ingress roster: its stable group and its anchor (it is covered from anchor + 1).</summary>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.Grains.ChainEntryState")]
internal sealed record ChainEntryState(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] uint GroupId,
    [property: Id(2)] ulong AnchorHeight,
    [property: Id(3)] Hash32 AnchorBlockHash)
{
    /// <summary>True when the chain is covered by the block at <paramref name="height"/>.</summary>
    public bool CoversHeight(ulong height) => AnchorHeight < height;
}
