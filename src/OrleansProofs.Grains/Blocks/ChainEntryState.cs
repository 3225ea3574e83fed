// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// One enrolled chain in the ingress roster: its stable group, its anchor (it is covered from
/// anchor + 1), when its retention ends, and its removal schedule once it is leaving (it is covered
/// up to the block before the removal height). Lifecycle rules: BlockIngressGrain.Lifecycle.cs.
/// </summary>
/// <param name="ChainId">The chain.</param>
/// <param name="GroupId">Its stable group.</param>
/// <param name="AnchorHeight">The anchor block's height.</param>
/// <param name="AnchorBlockHash">The anchor block's hash.</param>
/// <param name="ExpiresAt">Unix seconds at which its retention ends (anchor block time + policy days); null for entries enrolled before retention was tracked.</param>
/// <param name="Removal">The removal or expiry schedule; null while the chain is not leaving.</param>
/// <param name="ChainNotified">True once the chain grain has recorded <paramref name="Removal"/> (the ingress re-sends it at each block until then).</param>
/// <param name="Completed">True once the chain grain has completed its removal (archive written, replica released).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.Grains.ChainEntryState")]
internal sealed record ChainEntryState(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] uint GroupId,
    [property: Id(2)] ulong AnchorHeight,
    [property: Id(3)] Hash32 AnchorBlockHash,
    [property: Id(4)] ulong? ExpiresAt = null,
    [property: Id(5)] ChainRemovalSchedule? Removal = null,
    [property: Id(6)] bool ChainNotified = false,
    [property: Id(7)] bool Completed = false)
{
    /// <summary>True when the chain is covered by the block at <paramref name="height"/>: after its anchor and before its removal height.</summary>
    public bool CoversHeight(ulong height) => AnchorHeight < height && (Removal is null || height < Removal.RemovalHeight);

    /// <summary>True when the chain holds its group slot once the block at <paramref name="latestHeight"/> is recorded (its removal block is not yet recorded).</summary>
    public bool HoldsSlotAfter(ulong latestHeight) => Removal is null || Removal.RemovalHeight > latestHeight;
}
