// SPDX-License-Identifier: MIT

using Orleans.CodeGeneration;
using Orleans.Concurrency;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Vdf;

/// <summary>
/// The node's continuous VDF (one per prover: key <see cref="GrainKey"/>): a memory-hard sequential
/// function that runs on its own thread while the activation lives, absorbs every block's global root
/// and makes signed, chained checkpoints that are written to durable storage one by one. A new
/// activation (after a failure or a deactivation) resumes from the last durable checkpoint with the
/// restart counter raised, so the failover is visible in the chain.
/// </summary>
[Alias("OrleansProofs.IVdfGrain")]
[Version(1)]
public interface IVdfGrain : IGrainWithStringKey
{
    /// <summary>The key of the node's one VDF grain: the node has one key, so one VDF serves all its networks.</summary>
    const string GrainKey = "node";

    /// <summary>
    /// Absorbs <paramref name="root"/> (a block's global root) and returns the first published point
    /// that has absorbed it and has at least <paramref name="minimumIterations"/> iterations (the
    /// previous block's point plus N). Waits, without blocking a scheduler thread, while the evaluator
    /// is below that count.
    /// </summary>
    /// <exception cref="InvalidOperationException">The VDF is switched off on this node, or its evaluator failed.</exception>
    [Alias("Attest")]
    Task<VdfAttestedPoint> AttestAsync(Hash32 root, ulong minimumIterations);

    /// <summary>The evaluator's figures and latest signed checkpoint (not running when switched off).</summary>
    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<VdfStatus> GetStatusAsync();

    /// <summary>
    /// Up to <paramref name="limit"/> durable checkpoints from sequence <paramref name="fromSequence"/>
    /// on, oldest first, out of the retained window (older ones have been pruned).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not 1 to <see cref="VdfStatus.MaxCheckpointsPerRead"/>.</exception>
    [AlwaysInterleave]
    [Alias("GetCheckpoints")]
    Task<VdfCheckpointData[]> GetCheckpointsAsync(ulong fromSequence, int limit);

    /// <summary>
    /// Stops the evaluator (its thread is joined and its buffer released, the queued checkpoints are
    /// written) and deactivates this activation; the next call resumes from the last durable checkpoint
    /// with the restart counter raised. For operators moving the VDF, and for failover tests.
    /// </summary>
    [Alias("Deactivate")]
    Task DeactivateAsync();
}
