// SPDX-License-Identifier: MIT

using Orleans.Concurrency;
using OrleansProofs.Abstractions.Node;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Storage;

namespace OrleansProofs.Grains.Node;

/// <summary>The node's identity and file-side helpers (<see cref="INodeGrain"/>); stateless, so any silo answers.</summary>
[StatelessWorker]
internal sealed class NodeGrain(NodeContext node, ICommitmentLog commitmentLog) : Grain, INodeGrain
{
    /// <inheritdoc/>
    public Task<NodeIdentity> GetIdentityAsync() => Task.FromResult(new NodeIdentity(node.Key.PublicKey.AsHash32(), node.Parameters.Name));

    /// <inheritdoc/>
    public async Task<Hash32> ComputeChainIdAsync(string dataPath)
    {
        string full = node.ResolveDataPath(dataPath, nameof(dataPath));
        Hash32 dataHash = await DataHash.ComputeAsync(full);
        return ChainId.Compute(dataHash, node.Key.PublicKey);
    }

    /// <inheritdoc/>
    /// <remarks>One round trip that reads nothing (<see cref="ICommitmentLog.CheckReachableAsync"/>): what matters is that it needs a live connection.</remarks>
    public async Task CheckStorageAsync(string network)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(network);
        await commitmentLog.CheckReachableAsync();
    }
}
