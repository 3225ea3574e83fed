// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Storage;

/// <summary>
/// The commitment log in this process's memory, for silos whose grain storage is in memory too
/// (test clusters): the same contract as the durable logs, lost with the process. Entries are kept
/// encoded, as a durable log keeps them, so both paths decode the same bytes.
/// </summary>
public sealed class MemoryCommitmentLog : ICommitmentLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Network, Hash32 ChainId, ulong Height), byte[]> _rows = [];

    /// <inheritdoc/>
    public Task AppendAsync(string network, uint groupId, IReadOnlyList<CommitmentLogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        (string, Hash32, ulong Height)[] keys = [.. entries.Select(e => (network, e.ChainId, e.Record.Height))];
        byte[][] payloads = [.. entries.Select(e => ChainRecordBytes.Encode(e.Record))];
        lock (_gate)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                _rows[keys[i]] = payloads[i];
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommitmentLogEntry>> ReadChainAsync(string network, uint groupId, Hash32 chainId, ulong afterHeight, CancellationToken cancellationToken = default) =>
        Task.FromResult(Select(key => key.Network == network && key.ChainId == chainId && key.Height > afterHeight));

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommitmentLogEntry>> ReadHeightAsync(string network, ulong height, CancellationToken cancellationToken = default) =>
        Task.FromResult(Select(key => key.Network == network && key.Height == height));

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommitmentLogEntry>> ReadChainsAtAsync(string network, ulong height, uint groupId, IReadOnlyCollection<Hash32> chainIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chainIds);
        HashSet<Hash32> wanted = [.. chainIds];
        return Task.FromResult(Select(key => key.Network == network && key.Height == height && wanted.Contains(key.ChainId)));
    }

    /// <inheritdoc/>
    public Task PruneBelowAsync(string network, ulong height, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach ((string, Hash32, ulong) key in _rows.Keys.Where(k => k.Network == network && k.Height < height).ToArray())
            {
                _rows.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private IReadOnlyList<CommitmentLogEntry> Select(Func<(string Network, Hash32 ChainId, ulong Height), bool> match)
    {
        lock (_gate)
        {
            return [.. _rows.Where(row => match(row.Key))
                .OrderBy(row => row.Key.Height)
                .Select(row => new CommitmentLogEntry(row.Key.ChainId, ChainRecordBytes.Decode(row.Value)))];
        }
    }

    /// <inheritdoc/>
    public Task CheckReachableAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

}
