// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// The VDF separation of the prover's block records: each signed record carries the point of the prover's
/// continuous VDF after absorbing that block's global root, and the next record's point must be at least
/// <c>VdfMinimumIterationsPerBlock</c> later. The verifier checks each consecutive pair with Core's
/// <see cref="VdfBlockSeparation"/> over the prover's signed, chained checkpoints, re-executing
/// <see cref="VerifierOptions.VdfSegmentsPerBlock"/> sampled segments in its own buffer. A pair is checked
/// once the prover's durable checkpoints reach its later point (usually at the next block); a prover whose
/// checkpoints never get there fails the pair.
/// </summary>
internal sealed partial class ProverAuditor
{
    /// <summary>Pending pairs beyond this many mean the prover's checkpoints are not coming: the oldest pair fails.</summary>
    private const int MaxPendingVdfPoints = 16;

    /// <summary>Marks a pair whose later point the prover's durable checkpoints do not reach yet.</summary>
    private const string NotYet = "not yet";

    /// <summary>The re-execution buffer, kept while the prover's seed and size stay the same (filling 256 MiB takes a second).</summary>
    private VdfBuffer? _vdfBuffer;

    /// <summary>Adds the record's point and checks every pair the checkpoints now cover; returns the failures.</summary>
    private async Task<int> CheckVdfAsync(ProverAuditState state, ProverBlockRecord record, CancellationToken cancellationToken)
    {
        if (options.VdfSegmentsPerBlock == 0)
        {
            return 0;
        }

        Core.Proofs.BlockAttestation attestation = record.Attestation;
        state.VdfPending.RemoveAll(point => point.Height >= attestation.Height);
        state.VdfPending.Add(new VdfRecordPoint(attestation.Height, attestation.VdfIterations, attestation.VdfState, attestation.GlobalRoot));
        int failures = 0;
        while (state.VdfPending.Count >= 2)
        {
            VdfRecordPoint previous = state.VdfPending[0];
            VdfRecordPoint next = state.VdfPending[1];
            string? failure;
            try
            {
                failure = await CheckPairAsync(state, previous, next, cancellationToken);
            }
            catch (ProverGatewayException error)
            {
                failure = error.Message;
            }

            if (failure == NotYet)
            {
                if (state.VdfPending.Count <= MaxPendingVdfPoints)
                {
                    break;
                }

                failure = $"the prover's durable VDF checkpoints do not reach its record at height {next.Height} ({next.Iterations} iterations) {state.VdfPending.Count - 2} blocks later.";
            }

            state.VdfPending.RemoveAt(0);
            if (failure is null)
            {
                state.VdfPairsValid++;
            }
            else
            {
                state.VdfPairsInvalid++;
                failures++;
                Fail(state, null, $"block {next.Height}: VDF: {failure}");
            }
        }

        return failures;
    }

    /// <summary>Null when the pair verifies, <see cref="NotYet"/> when the checkpoints do not cover it yet, else why it fails.</summary>
    private async Task<string?> CheckPairAsync(ProverAuditState state, VdfRecordPoint previous, VdfRecordPoint next, CancellationToken cancellationToken)
    {
        VdfPoint from = new(previous.Iterations, previous.State);
        VdfPoint to = new(next.Iterations, next.State);
        if (to.Iterations < from.Iterations || to.Iterations - from.Iterations < parameters.VdfMinimumIterationsPerBlock)
        {
            return $"the record at height {next.Height} is {(long)to.Iterations - (long)from.Iterations} iterations after the one at height {previous.Height}; at least {parameters.VdfMinimumIterationsPerBlock} are required.";
        }

        List<VdfCheckpoint> run = [];
        ulong sequence = state.VdfFromSequence;
        while (true)
        {
            (IReadOnlyList<VdfCheckpoint> page, ulong? more) = await client.GetVdfCheckpointsAsync(sequence, Abstractions.Vdf.VdfStatus.MaxCheckpointsPerRead, cancellationToken);
            run.AddRange(page);
            if (more is null || (run.Count > 0 && run[^1].Point.Iterations >= to.Iterations))
            {
                break;
            }

            sequence = more.Value;
        }

        if (run.Count == 0 || run[^1].Point.Iterations < to.Iterations)
        {
            return NotYet;
        }

        int start = VdfBlockSeparation.WindowStart(run, from);
        if (start < 0)
        {
            return $"the prover's retained checkpoints start after its record at height {previous.Height}; the descent cannot be checked.";
        }

        List<VdfCheckpoint> window = run[start..];
        VdfCheckpoint first = window[0];
        if (_vdfBuffer is null || !_vdfBuffer.Matches(first.Seed, first.Log2BufferBytes))
        {
            _vdfBuffer = VdfBuffer.Create(first.Seed, 1L << first.Log2BufferBytes);
        }

        VdfVerificationResult result = VdfBlockSeparation.Verify(_vdfBuffer, from, to, next.GlobalRoot, window, prover,
            parameters.VdfMinimumIterationsPerBlock, options.VdfSegmentsPerBlock);
        if (!result.IsValid)
        {
            return result.ToString();
        }

        // The next pair starts at `next`: read from the last checkpoint at or before it.
        int nextStart = VdfBlockSeparation.WindowStart(window, to);
        state.VdfFromSequence = nextStart >= 0 ? window[nextStart].Sequence : first.Sequence;
        return null;
    }
}
