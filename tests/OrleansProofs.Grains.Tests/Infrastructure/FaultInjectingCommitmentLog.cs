// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>
/// The test cluster's commitment log: the memory log, except that appends for the networks in
/// <see cref="FailingNetworks"/> throw, as a storage outage would. Test networks have unique names,
/// so one test's outage never touches another's blocks.
/// </summary>
public sealed class FaultInjectingCommitmentLog : MemoryCommitmentLogDecorator
{
    /// <summary>The instance every silo of the in-process test clusters uses.</summary>
    public static FaultInjectingCommitmentLog Shared { get; } = new();

    /// <summary>Networks whose appends fail.</summary>
    public ConcurrentDictionary<string, bool> FailingNetworks { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override Task AppendAsync(string network, uint groupId, IReadOnlyList<CommitmentLogEntry> entries, CancellationToken cancellationToken = default) =>
        FailingNetworks.ContainsKey(network)
            ? throw new IOException($"Injected storage outage: the commitment log refuses writes for network '{network}'.")
            : base.AppendAsync(network, groupId, entries, cancellationToken);

    /// <inheritdoc/>
    public override Task<IReadOnlyList<CommitmentLogEntry>> ReadChainAsync(string network, uint groupId, Hash32 chainId, ulong afterHeight, CancellationToken cancellationToken = default)
    {
        ChainReads.AddOrUpdate(network, 1, (_, count) => count + 1);
        return base.ReadChainAsync(network, groupId, chainId, afterHeight, cancellationToken);
    }

    /// <summary>Per-chain reads (<see cref="ReadChainAsync"/>) by network: what a test counts to show a path reads no log.</summary>
    public ConcurrentDictionary<string, int> ChainReads { get; } = new(StringComparer.Ordinal);
}
