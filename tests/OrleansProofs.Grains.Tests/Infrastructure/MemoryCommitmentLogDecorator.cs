// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>
/// The memory commitment log with hooks: every call goes to the memory log unless a test log overrides it
/// (to fail, slow down or count one kind of call), so each test log states only what it changes.
/// </summary>
public abstract class MemoryCommitmentLogDecorator : ICommitmentLog
{
    private readonly MemoryCommitmentLog _inner = new();

    /// <inheritdoc/>
    public virtual Task AppendAsync(string network, uint groupId, IReadOnlyList<CommitmentLogEntry> entries, CancellationToken cancellationToken = default) =>
        _inner.AppendAsync(network, groupId, entries, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<CommitmentLogEntry>> ReadChainAsync(string network, uint groupId, Hash32 chainId, ulong afterHeight, CancellationToken cancellationToken = default) =>
        _inner.ReadChainAsync(network, groupId, chainId, afterHeight, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommitmentLogEntry>> ReadHeightAsync(string network, ulong height, CancellationToken cancellationToken = default) =>
        _inner.ReadHeightAsync(network, height, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommitmentLogEntry>> ReadChainsAtAsync(string network, ulong height, uint groupId, IReadOnlyCollection<Hash32> chainIds, CancellationToken cancellationToken = default) =>
        _inner.ReadChainsAtAsync(network, height, groupId, chainIds, cancellationToken);

    /// <inheritdoc/>
    public Task PruneBelowAsync(string network, ulong height, CancellationToken cancellationToken = default) =>
        _inner.PruneBelowAsync(network, height, cancellationToken);

    /// <inheritdoc/>
    public Task CheckReachableAsync(CancellationToken cancellationToken = default) => _inner.CheckReachableAsync(cancellationToken);
}
