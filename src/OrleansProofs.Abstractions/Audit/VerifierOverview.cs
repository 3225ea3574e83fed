// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>A node's role and its audits.</summary>
/// <param name="Role">"prover", "verifier" or "both".</param>
/// <param name="Verifier">The node's public key, hex (the key its reports are signed with).</param>
/// <param name="Provers">Every audited prover's summary (empty unless the role verifies).</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.VerifierOverview")]
public sealed record VerifierOverview(
    [property: Id(0)] string Role,
    [property: Id(1)] string Verifier,
    [property: Id(2)] ImmutableArray<ProverAuditSummary> Provers);
