// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Vdf;

/// <summary>The VDF point a block attestation signs: iterations and state right after the block's root was absorbed and N was reached.</summary>
/// <param name="Iterations">Iterations since the VDF's genesis.</param>
/// <param name="State">The state at that count.</param>
/// <param name="RestartCount">The restart counter of the evaluator that produced the point.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.VdfAttestedPoint")]
public sealed record VdfAttestedPoint(
    [property: Id(0)] ulong Iterations,
    [property: Id(1)] Hash32 State,
    [property: Id(2)] uint RestartCount);
