// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Hosting;

/// <summary>
/// This node's resolved settings, shared by its grains: folders, the node key (loaded, or created on
/// first start) and the consensus parameters of its profile.
/// </summary>
internal sealed class NodeContext : IDisposable
{
    /// <summary>File name suffix of a chain's replica in the replica folder.</summary>
    public const string ReplicaSuffix = ".replica";

    public NodeContext(IOptions<NodeOptions> options)
    {
        NodeOptions value = options.Value;
        DataDirectory = Path.GetFullPath(value.DataDirectory);
        ReplicaDirectory = Path.GetFullPath(value.ReplicaDirectory ?? Path.Combine(DataDirectory, "replicas"));
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(ReplicaDirectory);
        Parameters = value.Parameters ?? ConsensusParameters.FromName(value.Profile);
        Parameters.EnsureValid();
        Key = NodeKeyFile.LoadOrCreate(value.KeyFilePath ?? Path.Combine(DataDirectory, "node.key"), out _);
        CommitParallelism = value.CommitParallelism;
        GroupParallelism = value.GroupParallelism;
        RegionParallelism = value.RegionParallelism;
        RetainedBlocks = value.RetainedBlocks;
        Replicas = new Storage.ReplicaStores(value.MaxOpenReplicas);
        VdfEnabled = value.VdfEnabled;
        VdfCheckpointIterations = value.VdfCheckpointIterations;
        VdfRetainedCheckpoints = value.VdfRetainedCheckpoints;
    }

    /// <summary>Whether the node runs its continuous VDF (<see cref="NodeOptions.VdfEnabled"/>).</summary>
    public bool VdfEnabled { get; }

    /// <summary>VDF iterations between signed checkpoints.</summary>
    public ulong VdfCheckpointIterations { get; }

    /// <summary>VDF checkpoints durable storage keeps.</summary>
    public int VdfRetainedCheckpoints { get; }

    /// <summary>The silo's open replica files, shared by its chain grains (bounded; see <see cref="NodeOptions.MaxOpenReplicas"/>).</summary>
    public Storage.ReplicaStores Replicas { get; }

    /// <summary>Absolute data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>Absolute replica folder.</summary>
    public string ReplicaDirectory { get; }

    /// <summary>
    /// Iterated hashes this silo's verifiers computed, shared by every verification on the silo: proofs
    /// of one block share their region and global levels, proofs of one group their group level.
    /// </summary>
    public Core.Hierarchy.IteratedHashCache HierarchyCache { get; } = new();

    /// <summary>Block signatures this silo's verifiers verified (every proof of a block carries the same one).</summary>
    public Core.Signatures.SignatureCheckCache SignatureCache { get; } = new();

    /// <summary>The node's signing key.</summary>
    public NodeKey Key { get; }

    /// <summary>The consensus parameters: the profile's, or the explicit set of <see cref="NodeOptions.Parameters"/>.</summary>
    public ConsensusParameters Parameters { get; }

    /// <summary>Chain commits one group runs at once per block.</summary>
    public int CommitParallelism { get; }

    /// <summary>Groups one region runs at once per block.</summary>
    public int GroupParallelism { get; }

    /// <summary>Regions one block runs at once.</summary>
    public int RegionParallelism { get; }

    /// <summary>Block records the ingress keeps, and the blocks of commitment history the commitment log keeps.</summary>
    public int RetainedBlocks { get; }

    /// <summary>
    /// Blocks between a chain's grain-state checkpoints: half the retained horizon, so the commitment
    /// log still holds every record above a chain's last checkpoint when the chain is reactivated.
    /// </summary>
    public int ChainCheckpointBlocks => Math.Max(1, RetainedBlocks / 2);

    /// <summary>The absolute path of a registered file, which must lie inside the data folder.</summary>
    /// <exception cref="ArgumentException">The path is empty, resolves outside the data folder, or names no file.</exception>
    public string ResolveDataPath(string dataPath, string paramName)
    {
        if (string.IsNullOrWhiteSpace(dataPath))
        {
            throw new ArgumentException("The data path must name a file inside the node's data folder.", paramName);
        }

        string full = Path.GetFullPath(Path.Combine(DataDirectory, dataPath));
        string root = Path.EndsInDirectorySeparator(DataDirectory) ? DataDirectory : DataDirectory + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The data path '{dataPath}' resolves to '{full}', outside the node's data folder '{DataDirectory}'.", paramName);
        }

        if (!File.Exists(full))
        {
            throw new ArgumentException($"The data path '{dataPath}' names no file ('{full}' does not exist).", paramName);
        }

        return full;
    }

    /// <summary>The replica file of <paramref name="chainId"/>: <c>{replica folder}/{chain id hex}.replica</c>.</summary>
    public string ReplicaPathFor(in Hash32 chainId) => Path.Combine(ReplicaDirectory, chainId.ToString() + ReplicaSuffix);

    /// <inheritdoc/>
    public void Dispose()
    {
        Replicas.Dispose();
        Key.Dispose();
    }
}
