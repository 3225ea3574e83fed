// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>The public data of one layer-1 block that chunk selection depends on.</summary>
/// <param name="BlockHash">The block hash.</param>
/// <param name="Beacon">The verified randomness-beacon value for the block, or null when there is none.</param>
public readonly record struct BlockData(Hash32 BlockHash, Hash32? Beacon = null)
{
    /// <summary>The block's entropy at <paramref name="height"/> (<see cref="BlockEntropy"/>).</summary>
    public Hash32 EntropyAt(ulong height) => BlockEntropy.Compute(BlockHash, Beacon, height);
}
