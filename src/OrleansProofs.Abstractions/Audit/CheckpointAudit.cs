// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Audit;

/// <summary>
/// A verifier's audit of one checkpoint the prover submitted to the chain, with the evidence: the
/// checkpoint's signed bytes, the block record the verifier verified at that height (its attestation
/// fields and the prover's signature, as <paramref name="RecordSignature"/> over the attestation of
/// <paramref name="RecordGlobalRoot"/> etc.), and the verifier's signed report (Core CheckpointAuditReport).
/// </summary>
/// <param name="Height">The checkpointed height.</param>
/// <param name="Consistent">Whether the checkpoint restates the verified record.</param>
/// <param name="Checkpoint">The checkpoint's signed bytes (Core ProverCheckpoint).</param>
/// <param name="RecordGlobalRoot">The verified record's global root (hex).</param>
/// <param name="RecordTotalChains">The verified record's chain count.</param>
/// <param name="RecordVdfIterations">The verified record's VDF iterations.</param>
/// <param name="RecordSignature">The prover's signature over the verified record's attestation.</param>
/// <param name="Report">The verifier's signed report.</param>
/// <param name="Settlement">What the ledger did: "slashed", "already settled: …", "no bond: …", or null when consistent.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.CheckpointAudit")]
public sealed record CheckpointAudit(
    [property: Id(0)] ulong Height,
    [property: Id(1)] bool Consistent,
    [property: Id(2)] ImmutableArray<byte> Checkpoint,
    [property: Id(3)] string RecordGlobalRoot,
    [property: Id(4)] ulong RecordTotalChains,
    [property: Id(5)] ulong RecordVdfIterations,
    [property: Id(6)] ImmutableArray<byte> RecordSignature,
    [property: Id(7)] ImmutableArray<byte> Report,
    [property: Id(8)] string? Settlement);
