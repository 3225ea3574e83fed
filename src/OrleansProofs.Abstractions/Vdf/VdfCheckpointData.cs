// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Vdf;

/// <summary>One signed checkpoint as stored: its sequence and its wire form (body ‖ signature, docs/protocol.md §6 §7).</summary>
/// <param name="Sequence">The checkpoint's sequence number.</param>
/// <param name="Encoded">The encoded checkpoint (Core <c>VdfCheckpoint.Decode</c> reads it).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.VdfCheckpointData")]
public sealed record VdfCheckpointData(
    [property: Id(0)] ulong Sequence,
    [property: Id(1)] ImmutableArray<byte> Encoded);
