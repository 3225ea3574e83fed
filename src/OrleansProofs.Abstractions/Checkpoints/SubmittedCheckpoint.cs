// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Checkpoints;

/// <summary>A checkpoint as the chain holds it.</summary>
/// <param name="Height">The layer-1 height the checkpoint restates.</param>
/// <param name="Prover">The prover key that signed it.</param>
/// <param name="Bytes">The signed checkpoint (Core ProverCheckpoint encoding).</param>
/// <param name="Sequence">Its position on the board (1-based, in submission order).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.SubmittedCheckpoint")]
public sealed record SubmittedCheckpoint(
    [property: Id(0)] ulong Height,
    [property: Id(1)] Hash32 Prover,
    [property: Id(2)] ImmutableArray<byte> Bytes,
    [property: Id(3)] long Sequence);
