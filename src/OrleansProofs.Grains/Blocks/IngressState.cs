// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// The ingress's persisted state: the chain roster (O(chains)), the retained block records (a
/// bounded audit horizon, oldest first) and the last published non-zero global root. Replaced as a
/// whole on every change, so a failed write restores the previous value exactly.
/// </summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.IngressState")]
internal sealed record IngressState
{
    /// <summary>Every enrolled chain, in enrollment order.</summary>
    [Id(0)] public ImmutableArray<ChainEntryState> Chains { get; init; } = [];

    /// <summary>The retained block records, ascending by height; the last is the latest.</summary>
    [Id(1)] public ImmutableArray<BlockRecord> Blocks { get; init; } = [];

    /// <summary>The global root of the last block that covered at least one chain; zero before.</summary>
    [Id(2)] public Hash32 LastGlobalRoot { get; init; }

    /// <summary>The latest recorded block, or null before the first.</summary>
    public BlockRecord? Latest => Blocks.IsEmpty ? null : Blocks[^1];

    /// <summary>The retained record at <paramref name="height"/>, or null.</summary>
    public BlockRecord? Find(ulong height)
    {
        if (Latest is not { } latest || height > latest.Height || latest.Height - height >= (ulong)Blocks.Length)
        {
            return null;
        }

        BlockRecord record = Blocks[Blocks.Length - 1 - (int)(latest.Height - height)];
        return record.Height == height ? record : null;
    }
}
