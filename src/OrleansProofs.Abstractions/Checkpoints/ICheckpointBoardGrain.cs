// SPDX-License-Identifier: MIT

using System.Collections.Immutable;

namespace OrleansProofs.Abstractions.Checkpoints;

/// <summary>
/// The development chain's checkpoint board (key: network name): what a layer-1 chain would hold for
/// submitted checkpoints. It accepts only checkpoints whose signature verifies, keeps the latest
/// <c>MaxEntries</c>, and answers reads in height order.
/// </summary>
[Alias("OrleansProofs.ICheckpointBoardGrain")]
public interface ICheckpointBoardGrain : IGrainWithStringKey
{
    /// <summary>Posts a signed checkpoint (idempotent for the same bytes).</summary>
    /// <exception cref="ArgumentException">The bytes are not a checkpoint whose signature verifies.</exception>
    [Alias("Submit")]
    Task<SubmittedCheckpoint> SubmitAsync(ImmutableArray<byte> checkpoint);

    /// <summary>Up to <paramref name="limit"/> (1..1,000) checkpoints at heights ≥ <paramref name="fromHeight"/>.</summary>
    [Alias("Read")]
    Task<IReadOnlyList<SubmittedCheckpoint>> ReadAsync(ulong fromHeight, int limit);
}
