// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>One signed availability report (Core's <c>AvailabilityReport</c> encoding, 217 bytes) as the verifier keeps it.</summary>
/// <param name="Encoded">The signed report's bytes; anyone can check them with the verifier's public key.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.SignedReport")]
public sealed record SignedReport([property: Id(0)] ImmutableArray<byte> Encoded);
