// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Workers;

/// <summary>One VDF proof and the policy to hold it to.</summary>
/// <param name="Proof">The encoded VDF proof.</param>
/// <param name="Signature">The prover's 64-byte signature of the proof hash, or empty for an unsigned check.</param>
/// <param name="Prover">The prover's public key; required with a signature.</param>
/// <param name="BufferBytes">The buffer size the proof must use.</param>
/// <param name="SampleCount">Segments to re-execute (at least 1).</param>
/// <param name="MinimumIterations">Fewest iterations accepted.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.VdfVerificationRequest")]
public sealed record VdfVerificationRequest(
    [property: Id(0)] ImmutableArray<byte> Proof,
    [property: Id(1)] ImmutableArray<byte> Signature,
    [property: Id(2)] Hash32? Prover,
    [property: Id(3)] long BufferBytes,
    [property: Id(4)] int SampleCount,
    [property: Id(5)] ulong MinimumIterations);
