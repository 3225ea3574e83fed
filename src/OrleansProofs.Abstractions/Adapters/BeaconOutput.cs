// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Adapters;

/// <summary>One randomness-beacon value and the proof that the beacon produced it for <paramref name="Height"/>.</summary>
/// <param name="Height">The layer-1 height the value is for.</param>
/// <param name="Value">The 32-byte value mixed into the block's entropy.</param>
/// <param name="Proof">The beacon scheme's proof (the development beacon: a 64-byte Ed25519 signature).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.BeaconOutput")]
public sealed record BeaconOutput(
    [property: Id(0)] ulong Height,
    [property: Id(1)] Hash32 Value,
    [property: Id(2)] ImmutableArray<byte> Proof);
