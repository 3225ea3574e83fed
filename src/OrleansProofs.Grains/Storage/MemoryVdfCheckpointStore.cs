// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Vdf;

namespace OrleansProofs.Grains.Storage;

/// <summary>
/// VDF checkpoints in the silo's memory (hosts without a database, tests): durable across grain
/// activations on this silo, not across processes. Bounded like the database stores.
/// </summary>
public sealed class MemoryVdfCheckpointStore : IVdfCheckpointStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedList<ulong, VdfCheckpointData>> _owners = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task AppendAsync(string owner, VdfCheckpointData checkpoint, int retain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(retain, 1);
        lock (_lock)
        {
            if (!_owners.TryGetValue(owner, out SortedList<ulong, VdfCheckpointData>? rows))
            {
                rows = [];
                _owners[owner] = rows;
            }

            rows[checkpoint.Sequence] = checkpoint;
            while (rows.Count > 0 && checkpoint.Sequence >= (ulong)retain && rows.Keys[0] <= checkpoint.Sequence - (ulong)retain)
            {
                rows.RemoveAt(0);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<VdfCheckpointData?> ReadLatestAsync(string owner, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_owners.TryGetValue(owner, out SortedList<ulong, VdfCheckpointData>? rows) && rows.Count > 0 ? rows.Values[^1] : null);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<VdfCheckpointData>> ReadAsync(string owner, ulong fromSequence, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<VdfCheckpointData> result = _owners.TryGetValue(owner, out SortedList<ulong, VdfCheckpointData>? rows)
                ? [.. rows.Values.Where(c => c.Sequence >= fromSequence).Take(limit)]
                : [];
            return Task.FromResult(result);
        }
    }

    /// <summary>How many checkpoints the owner has stored (tests: the window stays bounded).</summary>
    public int CountOf(string owner)
    {
        lock (_lock)
        {
            return _owners.TryGetValue(owner, out SortedList<ulong, VdfCheckpointData>? rows) ? rows.Count : 0;
        }
    }
}
