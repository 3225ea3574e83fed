// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Abstractions.Checkpoints;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Checkpoints;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// Checkpoint auditing (docs/security.md §9): the verifier keeps the prover's block records it verified at
/// the latest heights, reads the prover's checkpoints from the chain (<see cref="ICheckpointChannel"/>) and
/// compares each with the record it verified at that height — block hash, global root, chain count, VDF
/// iterations and state. A checkpoint that disagrees (say, a root the prover never published) is slashed
/// through the ledger (its own bond, <c>SlashingPenalty</c>, reason <see cref="LedgerReason.InvalidCheckpoint"/>),
/// with both signed byte strings kept as evidence and a signed verdict; an honest one is only reported
/// (the prover releases its bond after the dispute window).
/// </summary>
internal sealed partial class ProverAuditor
{
    /// <summary>Verified records kept (checkpoints older than this many blocks cannot be judged).</summary>
    private const int KeptRecords = 512;

    /// <summary>Checkpoint audits kept.</summary>
    private const int KeptAudits = 256;

    private ProverBlockRecord? _verified;

    /// <summary>Keeps the record verified at this audit's block for later checkpoint comparisons.</summary>
    private void RememberVerifiedRecord(ProverAuditState state)
    {
        if (_verified is not { } record)
        {
            return;
        }

        BlockAttestation a = record.Attestation;
        state.VerifiedRecords[a.Height] = new VerifiedRecord(a.BlockHash, a.GlobalRoot, a.TotalChains, a.Timestamp, a.VdfIterations, a.VdfState, [.. record.Signature]);
        while (state.VerifiedRecords.Count > KeptRecords)
        {
            state.VerifiedRecords.Remove(state.VerifiedRecords.Keys.First());
        }

        _verified = null;
    }

    /// <summary>Audits the prover's checkpoints up to <paramref name="block"/>; the count of inconsistent ones.</summary>
    private async Task<int> AuditCheckpointsAsync(ProverAuditState state, AuditBlock block)
    {
        if (checkpoints is null)
        {
            return 0;
        }

        int inconsistent = 0;
        IReadOnlyList<SubmittedCheckpoint> page = await checkpoints.ReadAsync(block.Network, state.CheckpointCursor, 1_000);
        foreach (SubmittedCheckpoint submitted in page)
        {
            if (submitted.Height > block.Height)
            {
                break;
            }

            state.CheckpointCursor = submitted.Height;
            if (submitted.Prover != prover.AsHash32() || state.CheckpointAudits.Any(a => a.Checkpoint.AsSpan().SequenceEqual(submitted.Bytes.AsSpan())))
            {
                continue;
            }

            // Unsigned or foreign bytes are nobody's claim; a record the verifier never verified cannot be judged.
            if (ProverCheckpoint.DecodeVerified(submitted.Bytes.AsSpan(), prover) is not { } checkpoint
                || !state.VerifiedRecords.TryGetValue(checkpoint.Height, out VerifiedRecord? record))
            {
                continue;
            }

            bool consistent = checkpoint.BlockHash == record.BlockHash
                && checkpoint.GlobalRoot == record.GlobalRoot
                && checkpoint.TotalChains == record.TotalChains
                && checkpoint.VdfIterations == record.VdfIterations
                && checkpoint.VdfState == record.VdfState;
            BlockAttestation attestation = new(checkpoint.Height, record.BlockHash, record.GlobalRoot, record.TotalChains, record.Timestamp, record.VdfIterations, record.VdfState);
            byte[] report = new CheckpointAuditReport(verifier, prover, checkpoint.Height, Sha256.Hash(submitted.Bytes.AsSpan()), attestation.SigningDigest(prover), consistent)
                .Sign(verifierKey);
            string? settlement = consistent ? null : await SlashCheckpointAsync(checkpoint);
            if (!consistent)
            {
                inconsistent++;
                Fail(state, null, $"checkpoint at height {checkpoint.Height}: it states global root {checkpoint.GlobalRoot}, {checkpoint.TotalChains} chains, "
                    + $"{checkpoint.VdfIterations} VDF iterations; the verified block record has {record.GlobalRoot}, {record.TotalChains}, {record.VdfIterations} ({settlement}).");
            }

            state.CheckpointAudits.Add(new CheckpointAudit(
                checkpoint.Height, consistent, submitted.Bytes, record.GlobalRoot.ToString(), record.TotalChains, record.VdfIterations,
                [.. record.Signature], [.. report], settlement));
            if (state.CheckpointAudits.Count > KeptAudits)
            {
                state.CheckpointAudits.RemoveAt(0);
            }
        }

        return inconsistent;
    }

    /// <summary>Slashes the bond the checkpoint names, if it is the prover's checkpoint bond; what happened.</summary>
    private async Task<string> SlashCheckpointAsync(ProverCheckpoint checkpoint)
    {
        LedgerResult? result = await ledger.SlashCheckpointAsync(prover, checkpoint.BondId, parameters.SlashingPenalty);
        return result switch
        {
            null => $"no bond: {checkpoint.BondId} is not an active checkpoint bond of the prover",
            { Succeeded: true } => "slashed",
            _ => $"already settled: {result.Rejection} {result.Detail}",
        };
    }
}
