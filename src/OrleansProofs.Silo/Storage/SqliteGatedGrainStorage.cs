// SPDX-License-Identifier: MIT

using Orleans.Storage;

namespace OrleansProofs.Silo.Storage;

/// <summary>
/// Orleans' AdoNet grain storage on SQLite, with every write taking <see cref="SqliteDatabase"/>'s write
/// turn first: SQLite has one writer, and thousands of grains writing at once (registration, the chain
/// checkpoints of a block) otherwise meet SQLITE_BUSY, which the driver answers by sleeping on the silo's
/// threads. Reads pass straight through (write-ahead logging lets them run beside the writer).
/// </summary>
internal sealed class SqliteGatedGrainStorage(IGrainStorage inner, SqliteDatabase database) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    /// <inheritdoc/>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using SqliteDatabase.WriteTurn turn = await database.EnterWriteAsync();
        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    /// <inheritdoc/>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using SqliteDatabase.WriteTurn turn = await database.EnterWriteAsync();
        await inner.ClearStateAsync(stateName, grainId, grainState);
    }

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle)
    {
        // The AdoNet storage initialises itself (options, queries) in the silo lifecycle.
        if (inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }
}
