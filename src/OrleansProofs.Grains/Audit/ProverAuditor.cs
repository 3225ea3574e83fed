// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Abstractions.Audit;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Audit;

/// <summary>
/// One block's audit of one prover (docs/security.md, "Verifier audits"), on the state the grain owns:
/// <list type="number">
/// <item>the prover's block record: it must be signed by the configured key over the verifier's own block hash;</item>
/// <item>the prover's active chains: each new one's registration is pinned once its chain id recomputes under the configured key;</item>
/// <item>a sample of compact proofs, verified by Core against the verifier's own block table and the pinned registrations;</item>
/// <item>latency probes timed from this verifier and its peers, judged over a window (ProverAuditor.Latency.cs);</item>
/// <item>availability challenges (ProverAuditor.Availability.cs), rewards, and a slash when failures pass the threshold.</item>
/// </list>
/// Nothing the prover says about itself is trusted: its records, proofs and answers are recomputed or checked.
/// </summary>
internal sealed partial class ProverAuditor(
    ProverPublicKey prover,
    ProverPublicKey verifier,
    NodeKey verifierKey,
    ConsensusParameters parameters,
    VerifierOptions options,
    ProverGatewayClient client,
    VerifierSecret secret,
    AuditLedger ledger,
    AuditMetrics metrics,
    IGrainFactory grains,
    Core.Hierarchy.IteratedHashCache? hierarchyCache = null,
    SignatureCheckCache? signatureCache = null,
    Abstractions.Adapters.ICheckpointChannel? checkpoints = null,
    Abstractions.Adapters.INetworkAdapter? network = null)
{
    private static readonly TimeSpan s_recordPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>The audited prover.</summary>
    public ProverPublicKey Prover => prover;

    /// <summary>Audits <paramref name="block"/> into <paramref name="state"/> (the caller persists it).</summary>
    public async Task AuditAsync(ProverAuditState state, AuditBlock block, CancellationToken cancellationToken)
    {
        BlockTable blocks = new(grains.GetGrain<IBlockIngressGrain>(block.Network));
        int failures = 0;

        (string? recordFailure, ProverBlockRecord? record) = await CheckBlockRecordAsync(block, cancellationToken);
        metrics.BlockRecord(recordFailure is null);
        if (recordFailure is null)
        {
            state.BlockRecordsValid++;
            RememberVerifiedRecord(state);
            failures += await CheckVdfAsync(state, record!, cancellationToken);
        }
        else
        {
            state.BlockRecordsInvalid++;
            failures++;
            Fail(state, null, $"block {block.Height}: {recordFailure}");
        }

        failures += await RefreshChainsAsync(state, blocks, block, recordFailure is null ? record : null, cancellationToken);
        if (recordFailure is null)
        {
            // Proofs end at a signed block record; without a valid one there is nothing to verify them against.
            failures += await SampleProofsAsync(state, blocks, block, cancellationToken);
        }

        // Latency probes go before the availability challenges, so no probe finds its chunk freshly fetched by a challenge of the same block.
        failures += await MeasureLatencyAsync(state, block, cancellationToken);
        failures += await ChallengeAsync(state, block, cancellationToken);
        failures += await AuditCheckpointsAsync(state, block);
        state.BlocksAudited++;
        state.LastHeight = block.Height;
        await SettleFailuresAsync(state, block.Height, failures);
    }

    /// <summary>
    /// The prover's record at the block with a null failure when it verifies; else why not (waits up to
    /// <see cref="VerifierOptions.BlockRecordWait"/> for a record not there yet).
    /// </summary>
    private async Task<(string? Failure, ProverBlockRecord? Record)> CheckBlockRecordAsync(AuditBlock block, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            ProverBlockRecord? record;
            try
            {
                record = await client.GetBlockAsync(block.Height, cancellationToken);
            }
            catch (ProverGatewayException error)
            {
                return (error.Message, null);
            }

            if (record is not null)
            {
                string? failure = record.Verify(prover, block.Height, block.BlockHash, block.Beacon);
                _verified = failure is null ? record : null;
                return (failure, record);
            }

            if (Stopwatch.GetElapsedTime(started) >= options.BlockRecordWait)
            {
                return ($"the prover has no block record at height {block.Height} (waited {options.BlockRecordWait.TotalSeconds:F1} s).", null);
            }

            await Task.Delay(s_recordPoll, cancellationToken);
        }
    }

    /// <summary>Counts slashable failures in the window and slashes once they reach the threshold (then the window starts over).</summary>
    private async Task SettleFailuresAsync(ProverAuditState state, ulong height, int failures)
    {
        if (failures > 0)
        {
            state.Failures.Add(new FailureMark(height, failures));
        }

        state.Failures.RemoveAll(mark => height - mark.Height >= (ulong)options.FailureWindowBlocks);
        int recent = state.Failures.Sum(mark => mark.Count);
        if (recent < options.FailureThreshold)
        {
            return;
        }

        Abstractions.Ledger.LedgerResult? slash = await ledger.SlashAsync(verifier, prover, height, parameters.SlashingPenalty);
        if (slash is { Succeeded: true })
        {
            state.Slashes++;
            metrics.Slash(slashed: true);
        }
        else
        {
            state.SlashesDue++;
            metrics.Slash(slashed: false);
            state.LastFailure = slash is null
                ? $"block {height}: {recent} failures reached the threshold {options.FailureThreshold}; the prover holds no active bond, so the slash is recorded as due."
                : $"block {height}: {recent} failures reached the threshold {options.FailureThreshold}; the ledger refused the slash ({slash.Rejection}: {slash.Detail}).";
        }

        state.Failures.Clear();
    }

    private static void Fail(ProverAuditState state, ChainAuditState? chain, string reason)
    {
        state.LastFailure = reason;
        if (chain is not null)
        {
            chain.LastFailure = reason;
        }
    }

    /// <summary>The verifier's own layer-1 blocks (its ingress's records), fetched once per height per audit.</summary>
    private sealed class BlockTable(IBlockIngressGrain ingress) : IPublicBlockSource
    {
        private readonly Dictionary<ulong, PublicBlock?> _blocks = [];

        /// <summary>Loads the heights (those the ingress no longer retains stay unknown).</summary>
        public async Task LoadAsync(IEnumerable<ulong> heights)
        {
            foreach (ulong height in heights)
            {
                if (!_blocks.ContainsKey(height))
                {
                    BlockRecord? record = await ingress.GetBlockAsync(height);
                    // Timestamps are left out: the development chain stamps each node's blocks with that node's clock.
                    _blocks[height] = record is null ? null : new PublicBlock(record.Height, record.BlockHash, record.Beacon);
                }
            }
        }

        /// <inheritdoc/>
        public PublicBlock? Get(ulong height) => _blocks.GetValueOrDefault(height);
    }
}
