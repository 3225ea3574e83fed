// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Vdf;

namespace OrleansProofs.Grains.Storage;

/// <summary>
/// Durable storage of the node's VDF checkpoints: each signed checkpoint is written on its own as the
/// evaluator makes it (so the newest durable one is never more than one checkpoint interval behind),
/// and only a bounded window of the newest ones is kept per owner. An owner is one VDF chain (the
/// prover key and buffer size, see <c>VdfGrain</c>).
/// </summary>
public interface IVdfCheckpointStore
{
    /// <summary>
    /// Writes <paramref name="checkpoint"/> durably (replacing a row with the same sequence) and deletes
    /// the owner's checkpoints with a sequence at or below <c>checkpoint.Sequence − retain</c>, in one transaction.
    /// </summary>
    Task AppendAsync(string owner, VdfCheckpointData checkpoint, int retain, CancellationToken cancellationToken = default);

    /// <summary>The owner's checkpoint with the highest sequence, or null when it has none.</summary>
    Task<VdfCheckpointData?> ReadLatestAsync(string owner, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> of the owner's checkpoints with sequence ≥ <paramref name="fromSequence"/>, ascending.</summary>
    Task<IReadOnlyList<VdfCheckpointData>> ReadAsync(string owner, ulong fromSequence, int limit, CancellationToken cancellationToken = default);
}
