// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Checkpoints;

namespace OrleansProofs.Abstractions.Adapters;

/// <summary>
/// The blockchain adapter's checkpoint surface: a prover submits its signed layer-1 checkpoints
/// (Core <c>ProverCheckpoint</c>, docs/protocol.md §11) to the chain, and verifiers following the same
/// chain read them back to audit them against the block records they verified. The development chain
/// keeps them in a grain per network (<c>ICheckpointBoardGrain</c>); a real chain's adapter posts them in
/// a transaction and reads them from the chain.
/// </summary>
public interface ICheckpointChannel
{
    /// <summary>
    /// Submits a signed checkpoint on <paramref name="network"/>. The same bytes again are accepted without
    /// effect (a retry); a checkpoint whose signature does not verify is refused with <see cref="ArgumentException"/>.
    /// </summary>
    Task<SubmittedCheckpoint> SubmitAsync(string network, ImmutableArray<byte> checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> checkpoints of <paramref name="network"/> at heights ≥ <paramref name="fromHeight"/>, ascending by height then submission.</summary>
    Task<IReadOnlyList<SubmittedCheckpoint>> ReadAsync(string network, ulong fromHeight, int limit, CancellationToken cancellationToken = default);
}
