// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Checkpoints;
using OrleansProofs.Core.Checkpoints;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Checkpoints;

/// <summary>
/// The development chain's checkpoint board (<see cref="ICheckpointBoardGrain"/>): a persisted list of
/// verified checkpoint submissions, bounded to the latest <see cref="MaxEntries"/>, so verifiers
/// following the same development network read back what provers submitted (across restarts).
/// </summary>
internal sealed class CheckpointBoardGrain(
    [PersistentState("checkpoints", NodeStorage.ProviderName)] IPersistentState<CheckpointBoardState> state) : Grain, ICheckpointBoardGrain
{
    /// <summary>Submissions kept (older ones are dropped; their dispute windows are long over).</summary>
    public const int MaxEntries = 4_096;

    /// <summary>The most entries one read returns.</summary>
    public const int MaxRead = 1_000;

    /// <inheritdoc/>
    public async Task<SubmittedCheckpoint> SubmitAsync(ImmutableArray<byte> checkpoint)
    {
        if (checkpoint.IsDefaultOrEmpty || ProverCheckpoint.DecodeVerified(checkpoint.AsSpan()) is not { } decoded)
        {
            throw new ArgumentException("The checkpoint is not a version-1 layer-1 checkpoint whose signature verifies under the prover key it names.", nameof(checkpoint));
        }

        CheckpointBoardState s = state.State;
        foreach (SubmittedCheckpoint existing in s.Entries)
        {
            if (existing.Height == decoded.Height && existing.Bytes.AsSpan().SequenceEqual(checkpoint.AsSpan()))
            {
                return existing;
            }
        }

        SubmittedCheckpoint entry = new(decoded.Height, decoded.Prover.AsHash32(), checkpoint, s.LastSequence + 1);
        ImmutableArray<SubmittedCheckpoint> entries = s.Entries.Add(entry);
        state.State = new CheckpointBoardState
        {
            Entries = entries.Length > MaxEntries ? entries[^MaxEntries..] : entries,
            LastSequence = entry.Sequence,
        };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = s;
            throw;
        }

        return entry;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SubmittedCheckpoint>> ReadAsync(ulong fromHeight, int limit)
    {
        if (limit is < 1 or > MaxRead)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The read limit must be 1 to {MaxRead}.");
        }

        IReadOnlyList<SubmittedCheckpoint> page = [.. state.State.Entries.Where(e => e.Height >= fromHeight).OrderBy(e => e.Height).ThenBy(e => e.Sequence).Take(limit)];
        return Task.FromResult(page);
    }
}

/// <summary>The board's persisted submissions.</summary>
[GenerateSerializer]
[Alias("OrleansProofs.Grains.CheckpointBoardState")]
internal sealed record CheckpointBoardState
{
    /// <summary>Kept submissions, in submission order.</summary>
    [Id(0)] public ImmutableArray<SubmittedCheckpoint> Entries { get; init; } = [];

    /// <summary>The sequence of the last submission ever accepted.</summary>
    [Id(1)] public long LastSequence { get; init; }
}
