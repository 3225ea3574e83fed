// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Grains.Hosting;

/// <summary>Where this node keeps its files and which rules it runs under.</summary>
public sealed class NodeOptions
{
    /// <summary>Gets or sets the data folder: registered files must lie inside it. Default: "data".</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Gets or sets the folder replicas are written to. Default: "replicas" inside <see cref="DataDirectory"/>.</summary>
    public string? ReplicaDirectory { get; set; }

    /// <summary>Gets or sets the node key file (created on first start when missing). Default: "node.key" inside <see cref="DataDirectory"/>.</summary>
    public string? KeyFilePath { get; set; }

    /// <summary>Gets or sets the consensus profile name ("standard", "enhanced" or "dev"). Default: "standard".</summary>
    public string Profile { get; set; } = "standard";

    /// <summary>
    /// Gets or sets an explicit consensus parameter set that replaces <see cref="Profile"/>, for tests
    /// and private networks that need other shapes (for example small groups, so a handful of chains
    /// spans several groups and regions). Null (the default) uses the profile. A set named like a
    /// built-in profile must equal it, since clients resolve a node's parameters by that name.
    /// </summary>
    public ConsensusParameters? Parameters { get; set; }

    /// <summary>
    /// Gets or sets how many chain commits one group runs at once for a block. Default: 16. A block
    /// has at most <see cref="RegionParallelism"/> × <see cref="GroupParallelism"/> × this many commits in flight.
    /// </summary>
    public int CommitParallelism { get; set; } = 16;

    /// <summary>
    /// Gets or sets how many groups one region runs at once for a block. Default: 4. Each group call then
    /// lasts about its own group's work instead of the whole block's (with every group of a 100,000-chain
    /// block in flight, each call waited for all the others and outlived the call timeout), and only the
    /// groups in flight hold their members' commits in memory.
    /// </summary>
    public int GroupParallelism { get; set; } = 4;

    /// <summary>Gets or sets how many regions one block runs at once. Default: 8.</summary>
    public int RegionParallelism { get; set; } = 8;

    /// <summary>Gets or sets how many block records the ingress keeps (the audit horizon). Default: 64.</summary>
    public int RetainedBlocks { get; set; } = 64;

    /// <summary>
    /// Gets or sets how many idle replica files the silo keeps open between blocks (least recently used
    /// ones are closed and reopened when next needed). Keep it below the process's open-file limit. Default: 4,096.
    /// </summary>
    public int MaxOpenReplicas { get; set; } = 4_096;

    /// <summary>
    /// Gets or sets how many bytes of replica files the silo asks the kernel to read into the page cache when it
    /// starts (in the background; blocks do not wait). Null (the default): half the memory available to the
    /// process. 0 turns it off. Why: each block reads a few random chunks of every replica, and on a host whose
    /// page cache is cold those reads go to the disk one at a time (docs/performance.md, "A cold page cache").
    /// </summary>
    public long? ReplicaWarmupBytes { get; set; }

    /// <summary>
    /// Gets or sets whether this node runs its continuous VDF (a dedicated thread with a buffer of the
    /// profile's <c>VdfMemoryBytes</c>: 256 MiB standard, 4 MiB dev). Default: true. Switch it off only for
    /// tests and benchmarks that do not want the thread: block records are then signed with 0 iterations
    /// and a zero state, which verifiers that check VDF separation reject.
    /// </summary>
    public bool VdfEnabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the VDF iterations between signed checkpoints: the segment length a verifier
    /// re-executes, and the most work a failover can lose. Default: 1,048,576 (about 3 s at the
    /// standard profile's 375,000 it/s). At most 16,777,216 (the verifiers' default segment limit).
    /// </summary>
    public ulong VdfCheckpointIterations { get; set; } = 1UL << 20;

    /// <summary>
    /// Gets or sets how many of the newest VDF checkpoints durable storage keeps (older ones are deleted
    /// as new ones are written). Default: 2,048 (about 1.7 hours at the default interval and rate).
    /// </summary>
    public int VdfRetainedCheckpoints { get; set; } = 2_048;

    /// <summary>
    /// Gets or sets the node's role (design §6): "prover" (runs chains, answers proofs and challenges),
    /// "verifier" (audits the provers of <see cref="Audit.VerifierOptions"/>) or "both". Default: "prover".
    /// </summary>
    public string Role { get; set; } = Audit.NodeRoles.Prover;
}

/// <summary>Checks <see cref="NodeOptions"/> when the silo starts; each message names the option and the rule.</summary>
internal sealed class NodeOptionsValidator(IOptions<NodeOptions> options) : IConfigurationValidator
{
    /// <inheritdoc/>
    public void ValidateConfiguration()
    {
        NodeOptions value = options.Value;
        if (string.IsNullOrWhiteSpace(value.DataDirectory))
        {
            throw new OrleansConfigurationException("NodeOptions.DataDirectory must be a folder path.");
        }

        if (File.Exists(value.DataDirectory))
        {
            throw new OrleansConfigurationException($"NodeOptions.DataDirectory must be a folder; '{Path.GetFullPath(value.DataDirectory)}' is a file.");
        }

        ValidateKeyFile(value.KeyFilePath);

        if (Audit.NodeRoles.Normalize(value.Role) is null)
        {
            throw new OrleansConfigurationException($"NodeOptions.Role must be one of {string.Join(", ", Audit.NodeRoles.All)}; got '{value.Role}'.");
        }

        if (!ConsensusParameters.ProfileNames.Contains(value.Profile, StringComparer.OrdinalIgnoreCase))
        {
            throw new OrleansConfigurationException(
                $"NodeOptions.Profile must be one of {string.Join(", ", ConsensusParameters.ProfileNames)}; got '{value.Profile}'.");
        }

        ValidateParameters(value.Parameters);

        if (value.CommitParallelism < 1)
        {
            throw new OrleansConfigurationException($"NodeOptions.CommitParallelism must be at least 1; got {value.CommitParallelism}.");
        }

        if (value.GroupParallelism < 1)
        {
            throw new OrleansConfigurationException($"NodeOptions.GroupParallelism must be at least 1; got {value.GroupParallelism}.");
        }

        if (value.RegionParallelism < 1)
        {
            throw new OrleansConfigurationException($"NodeOptions.RegionParallelism must be at least 1; got {value.RegionParallelism}.");
        }

        if (value.RetainedBlocks < 1)
        {
            throw new OrleansConfigurationException($"NodeOptions.RetainedBlocks must be at least 1; got {value.RetainedBlocks}.");
        }

        if (value.MaxOpenReplicas < 1)
        {
            throw new OrleansConfigurationException($"NodeOptions.MaxOpenReplicas must be at least 1; got {value.MaxOpenReplicas}.");
        }

        if (value.ReplicaWarmupBytes < 0)
        {
            throw new OrleansConfigurationException($"NodeOptions.ReplicaWarmupBytes must be 0 (off) or more, or unset (half the available memory); got {value.ReplicaWarmupBytes}.");
        }

        ValidateVdf(value);
    }

    /// <summary>The VDF settings, and (when it runs) a profile memory the VDF buffer can have.</summary>
    private static void ValidateVdf(NodeOptions value)
    {
        if (value.VdfCheckpointIterations is < 1 or > MaxVdfCheckpointIterations)
        {
            throw new OrleansConfigurationException(
                $"NodeOptions.VdfCheckpointIterations must be 1 to {MaxVdfCheckpointIterations} (the verifiers' segment limit); got {value.VdfCheckpointIterations}.");
        }

        if (value.VdfRetainedCheckpoints < 2)
        {
            throw new OrleansConfigurationException($"NodeOptions.VdfRetainedCheckpoints must be at least 2; got {value.VdfRetainedCheckpoints}.");
        }

        if (!value.VdfEnabled || !ConsensusParameters.ProfileNames.Contains(value.Profile, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        ulong memory = (value.Parameters ?? ConsensusParameters.FromName(value.Profile)).VdfMemoryBytes;
        if (memory is < (ulong)VdfBuffer.MinBytes or > (ulong)VdfBuffer.MaxBytes || (memory & (memory - 1)) != 0)
        {
            throw new OrleansConfigurationException(
                $"NodeOptions.VdfEnabled is on but the parameters' VdfMemoryBytes ({memory}) is not a VDF buffer size: a power of two from {VdfBuffer.MinBytes} to {VdfBuffer.MaxBytes} bytes. Use such a size or switch the VDF off.");
        }
    }

    /// <summary>Longest checkpoint interval: the default segment limit of ContinuousVdfVerifier.</summary>
    private const ulong MaxVdfCheckpointIterations = 1UL << 24;

    /// <summary>An explicit parameter set must be valid and must not pass itself off as a built-in profile.</summary>
    private static void ValidateParameters(ConsensusParameters? parameters)
    {
        if (parameters is null)
        {
            return;
        }

        if (parameters.Validate() is { Count: > 0 } errors)
        {
            throw new OrleansConfigurationException($"NodeOptions.Parameters is invalid: {string.Join("; ", errors)}.");
        }

        if (ConsensusParameters.ProfileNames.Contains(parameters.Name, StringComparer.OrdinalIgnoreCase)
            && ConsensusParameters.FromName(parameters.Name).ComputeParametersHash() != parameters.ComputeParametersHash())
        {
            throw new OrleansConfigurationException(
                $"NodeOptions.Parameters is named '{parameters.Name}' but differs from that built-in profile; give a custom parameter set its own name.");
        }
    }

    /// <summary>A key file that is set must be a file path; an existing one must hold a valid node key.</summary>
    private static void ValidateKeyFile(string? keyFilePath)
    {
        if (keyFilePath is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(keyFilePath))
        {
            throw new OrleansConfigurationException("NodeOptions.KeyFilePath must be a file path when it is set; got an empty value.");
        }

        if (Directory.Exists(keyFilePath))
        {
            throw new OrleansConfigurationException($"NodeOptions.KeyFilePath must name a file; '{Path.GetFullPath(keyFilePath)}' is a folder.");
        }

        if (!File.Exists(keyFilePath))
        {
            return;
        }

        try
        {
            NodeKeyFile.Load(keyFilePath).Dispose();
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new OrleansConfigurationException(
                $"NodeOptions.KeyFilePath '{Path.GetFullPath(keyFilePath)}' is not a readable node key file: {exception.Message}", exception);
        }
    }
}
