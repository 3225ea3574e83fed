// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Workers;

/// <summary>The inputs of one chain's chunk selection at one block.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="BlockEntropy">The block's entropy.</param>
/// <param name="PreviousCommitment">The chain's commitment before the block (the anchored commitment for its first block).</param>
/// <param name="ChunksPerBlock">Chunks to select (1 to 64).</param>
/// <param name="TotalChunks">Chunks in the chain's replica (at least 1).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.ChunkSelectionRequest")]
public sealed record ChunkSelectionRequest(
    [property: Id(0)] Hash32 ChainId,
    [property: Id(1)] Hash32 BlockEntropy,
    [property: Id(2)] Hash32 PreviousCommitment,
    [property: Id(3)] int ChunksPerBlock,
    [property: Id(4)] ulong TotalChunks);
