// SPDX-License-Identifier: MIT

using Orleans.CodeGeneration;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Abstractions.Node;

/// <summary>
/// This node's identity and file-side helpers, answered on a silo (stateless worker, use key 0):
/// a gateway in another process needs neither the node key nor the data volume.
/// </summary>
[Alias("OrleansProofs.INodeGrain")]
[Version(1)]
public interface INodeGrain : IGrainWithIntegerKey
{
    /// <summary>The node's public key and consensus profile.</summary>
    [Alias("GetIdentity")]
    Task<NodeIdentity> GetIdentityAsync();

    /// <summary>
    /// The chain id of a file on the node's data volume under this node's key:
    /// H(chain-id tag ‖ data hash ‖ node public key), the key <see cref="Chains.IChainGrain"/> registers it under.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty, outside the data folder, or names no file.</exception>
    [Alias("ComputeChainId")]
    Task<Hash32> ComputeChainIdAsync(string dataPath);

    /// <summary>
    /// Makes a round trip to the commitment log's store for <paramref name="network"/> (the durable store
    /// every block waits for), so a readiness check sees the database itself rather than grain state already in memory: it fails
    /// while the database is down, when a block could not be made durable either.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The database did not answer (cluster mode).</exception>
    [Alias("CheckStorage")]
    Task CheckStorageAsync(string network);
}
