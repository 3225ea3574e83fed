// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Parameters;

/// <summary>
/// Every consensus parameter of the protocol in one versioned record, with the named profiles
/// <see cref="Standard"/> (4 chunks/block), <see cref="Enhanced"/> (16) and <see cref="Dev"/> (small VDF
/// memory, 2-second blocks). Two nodes agree on the rules exactly when their parameters hash
/// values (<see cref="ComputeParametersHash"/>) are equal. Durations must be whole milliseconds so that their encoding is exact.
/// Build a variant with <c>with</c> and call <see cref="EnsureValid"/>.
/// </summary>
public sealed record ConsensusParameters
{
    /// <summary>The parameter-set version this build understands.</summary>
    public const ushort CurrentVersion = 1;

    /// <summary>Bytes hashed for <see cref="ComputeParametersHash"/>.</summary>
    internal const int EncodedSize = 1 + 18 + 2 + 3 * 4 + 8 + 6 * 4 + 3 * 8 + 4 + 2 * 8 + 5 * 4 + 4 * 8 + 1 + 4 + 8;

    /// <summary>Production profile: 4 chunks per block.</summary>
    public static ConsensusParameters Standard { get; } = new();

    /// <summary>Enhanced profile: 16 chunks per block (detection in a quarter of the blocks).</summary>
    public static ConsensusParameters Enhanced { get; } = new() { Name = "enhanced", ChunksPerBlock = 16 };

    /// <summary>Development profile: 4 chunks, 4 MiB VDF, 2-second blocks, tiny files allowed.</summary>
    public static ConsensusParameters Dev { get; } = new()
    {
        Name = "dev",
        BlockTime = TimeSpan.FromSeconds(2),
        VdfMemoryBytes = 4UL << 20,
        VdfMinimumIterationsPerBlock = 10_000,
        ReplicaWorkFactor = 4,
        MinimumFileSizeBytes = 1,
    };

    /// <summary>The profile names <see cref="FromName"/> accepts.</summary>
    public static IReadOnlyList<string> ProfileNames { get; } = ["standard", "enhanced", "dev"];

    /// <summary>Version of the parameter set (and of its hash encoding). Default: 1.</summary>
    public ushort Version { get; init; } = CurrentVersion;

    /// <summary>Profile name, a label only (not part of the parameters hash). Default: "standard".</summary>
    public string Name { get; init; } = "standard";

    /// <summary>Bytes per chunk; fixed at 4,096 in protocol version 1. Default: 4,096.</summary>
    public int ChunkSizeBytes { get; init; } = ProtocolConstants.ChunkSize;

    /// <summary>Chunks each chain reads per block (1 to 64). Default: 4 (enhanced: 16).</summary>
    public int ChunksPerBlock { get; init; } = 4;

    /// <summary>Blocks covered by a compact proof. Default: 8.</summary>
    public int ProofWindowBlocks { get; init; } = 8;

    /// <summary>Target layer-1 block interval (the dev chain's pace). Default: 16 s (dev: 2 s).</summary>
    public TimeSpan BlockTime { get; init; } = TimeSpan.FromSeconds(16);

    /// <summary>Chains per group. Default: 1,000.</summary>
    public int ChainsPerGroup { get; init; } = 1_000;

    /// <summary>Groups per region. Default: 10.</summary>
    public int GroupsPerRegion { get; init; } = 10;

    /// <summary>Iterated-hash rounds on a group root. Default: 1,000.</summary>
    public int GroupIterations { get; init; } = 1_000;

    /// <summary>Iterated-hash rounds on a region root. Default: 5,000.</summary>
    public int RegionIterations { get; init; } = 5_000;

    /// <summary>Iterated-hash rounds on the global root. Default: 10,000.</summary>
    public int GlobalIterations { get; init; } = 10_000;

    /// <summary>Availability challenges verifiers issue per block. Default: 10.</summary>
    public int AvailabilityChallengesPerBlock { get; init; } = 10;

    /// <summary>Time a prover has to answer an availability challenge. Default: 500 ms.</summary>
    public TimeSpan AvailabilityDeadline { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest acceptable average round trip of data-dependent latency challenges. Default: 100 ms.</summary>
    public TimeSpan MaxAverageLatency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Variance limit of those round trips, as a standard deviation (variance ≤ its square; 20 ms ⇒
    /// 400 ms²). A remote store behind a fast proxy shows up as high jitter. Default: 20 ms.
    /// </summary>
    public TimeSpan MaxLatencyStandardDeviation { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Distinct verifier vantage points a latency verdict needs. Default: 3.</summary>
    public int LatencyVantagePoints { get; init; } = 3;

    /// <summary>Memory of the prover's sequential memory-hard function. Default: 256 MiB (dev: 4 MiB).</summary>
    public ulong VdfMemoryBytes { get; init; } = 256UL << 20;

    /// <summary>Fewest VDF iterations between consecutive block records. Default: 1,000,000 (dev: 10,000).</summary>
    public ulong VdfMinimumIterationsPerBlock { get; init; } = 1_000_000;

    /// <summary>Blocks between signed VDF checkpoints. Default: 225.</summary>
    public int VdfCheckpointIntervalBlocks { get; init; } = 225;

    /// <summary>Blocks between a removal request and the chain's removal. Default: 8.</summary>
    public int RemovalDelayBlocks { get; init; } = 8;

    /// <summary>Retention of the default ("standard") policy, in days. Default: 365.</summary>
    public int RetentionStandardDays { get; init; } = 365;

    /// <summary>Retention of the archival policy, in days. Default: 2,555 (7 years).</summary>
    public int RetentionArchivalDays { get; init; } = 2_555;

    /// <summary>Retention of the temporary policy, in days. Default: 30.</summary>
    public int RetentionTemporaryDays { get; init; } = 30;

    /// <summary>Bond to register a chain, in token units. Default: 100.</summary>
    public ulong RegistrationBond { get; init; } = 100;

    /// <summary>Bond to submit a checkpoint, in token units. Default: 1,000.</summary>
    public ulong CheckpointBond { get; init; } = 1_000;

    /// <summary>Reward for a successful availability challenge, in token units. Default: 1.</summary>
    public ulong AvailabilityReward { get; init; } = 1;

    /// <summary>Penalty for an invalid checkpoint or a failed audit, in token units. Default: 1,000.</summary>
    public ulong SlashingPenalty { get; init; } = 1_000;

    /// <summary>Version of the prover-specific replica encoding new chains use. Default: 1.</summary>
    public byte ReplicaEncodingVersion { get; init; } = 1;

    /// <summary>
    /// Per-chunk work factor of the replica encoding new chains use: sequential SHA-256 steps a
    /// cheater must redo per rebuilt chunk (docs/protocol.md §3). Default: 1,024 (dev: 4).
    /// </summary>
    public uint ReplicaWorkFactor { get; init; } = Replica.ReplicaCodec.DefaultWorkFactor;

    /// <summary>Smallest file a chain accepts, in bytes. Default: 65,536 (16 chunks; dev: 1).</summary>
    public ulong MinimumFileSizeBytes { get; init; } = 65_536;

    /// <summary>The hierarchy shape and iteration counts of this profile, as the hierarchy maths takes them.</summary>
    public HierarchyParameters ToHierarchyParameters() =>
        new(ChainsPerGroup, GroupsPerRegion, GroupIterations, RegionIterations, GlobalIterations);

    /// <summary>
    /// SHA-256 over the byte-exact encoding of every field except <see cref="Name"/> (layout in
    /// docs/protocol.md §4). Equal hashes mean equal rules. Validates first.
    /// </summary>
    /// <exception cref="ArgumentException">The parameters are invalid (see <see cref="Validate"/>).</exception>
    public Hash32 ComputeParametersHash()
    {
        EnsureValid();
        Span<byte> buffer = stackalloc byte[EncodedSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Parameters);
        writer.WriteUInt16(Version);
        writer.WriteUInt32((uint)ChunkSizeBytes);
        writer.WriteUInt32((uint)ChunksPerBlock);
        writer.WriteUInt32((uint)ProofWindowBlocks);
        writer.WriteUInt64(Milliseconds(BlockTime));
        writer.WriteUInt32((uint)ChainsPerGroup);
        writer.WriteUInt32((uint)GroupsPerRegion);
        writer.WriteUInt32((uint)GroupIterations);
        writer.WriteUInt32((uint)RegionIterations);
        writer.WriteUInt32((uint)GlobalIterations);
        writer.WriteUInt32((uint)AvailabilityChallengesPerBlock);
        writer.WriteUInt64(Milliseconds(AvailabilityDeadline));
        writer.WriteUInt64(Milliseconds(MaxAverageLatency));
        writer.WriteUInt64(Milliseconds(MaxLatencyStandardDeviation));
        writer.WriteUInt32((uint)LatencyVantagePoints);
        writer.WriteUInt64(VdfMemoryBytes);
        writer.WriteUInt64(VdfMinimumIterationsPerBlock);
        writer.WriteUInt32((uint)VdfCheckpointIntervalBlocks);
        writer.WriteUInt32((uint)RemovalDelayBlocks);
        writer.WriteUInt32((uint)RetentionStandardDays);
        writer.WriteUInt32((uint)RetentionArchivalDays);
        writer.WriteUInt32((uint)RetentionTemporaryDays);
        writer.WriteUInt64(RegistrationBond);
        writer.WriteUInt64(CheckpointBond);
        writer.WriteUInt64(AvailabilityReward);
        writer.WriteUInt64(SlashingPenalty);
        writer.WriteByte(ReplicaEncodingVersion);
        writer.WriteUInt32(ReplicaWorkFactor);
        writer.WriteUInt64(MinimumFileSizeBytes);
        Debug.Assert(writer.Position == EncodedSize);
        return writer.Hash();
    }

    /// <summary>The profile called <paramref name="name"/> (case-insensitive): "standard", "enhanced" or "dev".</summary>
    /// <exception cref="ArgumentException">The name is not a known profile; the message lists the known ones.</exception>
    public static ConsensusParameters FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "standard" => Standard,
            "enhanced" => Enhanced,
            "dev" => Dev,
            _ => throw Error.Invalid(nameof(name), $"'{name}' is not a consensus profile; known profiles: {string.Join(", ", ProfileNames)}."),
        };
    }

    /// <summary>
    /// Every broken rule, each as "Property: rule (got value)". Empty when the parameters are valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        List<string> errors = [];
        Check(Version == CurrentVersion, nameof(Version), $"must be {CurrentVersion}, the only parameter version this build understands", Version);
        Check(!string.IsNullOrWhiteSpace(Name), nameof(Name), "must not be empty", Name);
        Check(ChunkSizeBytes == ProtocolConstants.ChunkSize, nameof(ChunkSizeBytes), $"must be {ProtocolConstants.ChunkSize} in protocol version 1", ChunkSizeBytes);
        Check(ChunksPerBlock is >= 1 and <= ProtocolConstants.MaxChunksPerBlock, nameof(ChunksPerBlock), $"must be between 1 and {ProtocolConstants.MaxChunksPerBlock}", ChunksPerBlock);
        Check(ProofWindowBlocks is >= 1 and <= 1024, nameof(ProofWindowBlocks), "must be between 1 and 1024", ProofWindowBlocks);
        CheckDuration(BlockTime, nameof(BlockTime));
        Check(ChainsPerGroup >= 1, nameof(ChainsPerGroup), "must be at least 1", ChainsPerGroup);
        Check(GroupsPerRegion >= 1, nameof(GroupsPerRegion), "must be at least 1", GroupsPerRegion);
        Check(GroupIterations >= 1, nameof(GroupIterations), "must be at least 1", GroupIterations);
        Check(RegionIterations >= 1, nameof(RegionIterations), "must be at least 1", RegionIterations);
        Check(GlobalIterations >= 1, nameof(GlobalIterations), "must be at least 1", GlobalIterations);
        Check(AvailabilityChallengesPerBlock >= 1, nameof(AvailabilityChallengesPerBlock), "must be at least 1", AvailabilityChallengesPerBlock);
        if (CheckDuration(AvailabilityDeadline, nameof(AvailabilityDeadline)) && BlockTime > TimeSpan.Zero)
        {
            Check(AvailabilityDeadline < BlockTime, nameof(AvailabilityDeadline), $"must be shorter than BlockTime ({BlockTime.TotalMilliseconds} ms)", $"{AvailabilityDeadline.TotalMilliseconds} ms");
        }

        if (CheckDuration(MaxAverageLatency, nameof(MaxAverageLatency)) && AvailabilityDeadline > TimeSpan.Zero)
        {
            Check(MaxAverageLatency <= AvailabilityDeadline, nameof(MaxAverageLatency), $"must not exceed AvailabilityDeadline ({AvailabilityDeadline.TotalMilliseconds} ms)", $"{MaxAverageLatency.TotalMilliseconds} ms");
        }

        if (CheckDuration(MaxLatencyStandardDeviation, nameof(MaxLatencyStandardDeviation)) && MaxAverageLatency > TimeSpan.Zero)
        {
            Check(MaxLatencyStandardDeviation <= MaxAverageLatency, nameof(MaxLatencyStandardDeviation), $"must not exceed MaxAverageLatency ({MaxAverageLatency.TotalMilliseconds} ms)", $"{MaxLatencyStandardDeviation.TotalMilliseconds} ms");
        }

        Check(LatencyVantagePoints >= 1, nameof(LatencyVantagePoints), "must be at least 1", LatencyVantagePoints);
        Check(VdfMemoryBytes is >= 1UL << 20 and <= 1UL << 36, nameof(VdfMemoryBytes), "must be between 1 MiB and 64 GiB", VdfMemoryBytes);
        Check(VdfMemoryBytes % Hash32.Size == 0, nameof(VdfMemoryBytes), "must be a whole number of 32-byte cells", VdfMemoryBytes);
        Check(VdfMinimumIterationsPerBlock >= 1, nameof(VdfMinimumIterationsPerBlock), "must be at least 1", VdfMinimumIterationsPerBlock);
        Check(VdfCheckpointIntervalBlocks >= 1, nameof(VdfCheckpointIntervalBlocks), "must be at least 1", VdfCheckpointIntervalBlocks);
        Check(RemovalDelayBlocks >= ProofWindowBlocks, nameof(RemovalDelayBlocks), $"must be at least ProofWindowBlocks ({ProofWindowBlocks}) so the last proof window completes before removal", RemovalDelayBlocks);
        Check(RetentionTemporaryDays >= 1, nameof(RetentionTemporaryDays), "must be at least 1", RetentionTemporaryDays);
        Check(RetentionStandardDays >= RetentionTemporaryDays, nameof(RetentionStandardDays), $"must be at least RetentionTemporaryDays ({RetentionTemporaryDays})", RetentionStandardDays);
        Check(RetentionArchivalDays >= RetentionStandardDays, nameof(RetentionArchivalDays), $"must be at least RetentionStandardDays ({RetentionStandardDays})", RetentionArchivalDays);
        Check(RegistrationBond >= 1, nameof(RegistrationBond), "must be at least 1 token unit", RegistrationBond);
        Check(CheckpointBond >= 1, nameof(CheckpointBond), "must be at least 1 token unit", CheckpointBond);
        Check(SlashingPenalty <= CheckpointBond, nameof(SlashingPenalty), $"must not exceed CheckpointBond ({CheckpointBond}): nothing beyond the bond can be slashed", SlashingPenalty);
        Check(ReplicaEncodingVersion >= 1, nameof(ReplicaEncodingVersion), "must be at least 1 (0 is reserved)", ReplicaEncodingVersion);
        Check(ReplicaWorkFactor is >= 1 and <= Replica.ReplicaCodec.MaxWorkFactor, nameof(ReplicaWorkFactor), $"must be between 1 and {Replica.ReplicaCodec.MaxWorkFactor}", ReplicaWorkFactor);
        Check(MinimumFileSizeBytes is >= 1 and <= ProtocolConstants.MaxFileLength, nameof(MinimumFileSizeBytes), $"must be between 1 and {ProtocolConstants.MaxFileLength}", MinimumFileSizeBytes);
        return errors;

        void Check(bool ok, string property, string rule, object? actual)
        {
            if (!ok)
            {
                errors.Add($"{property}: {rule} (got {actual}).");
            }
        }

        bool CheckDuration(TimeSpan value, string property)
        {
            bool positive = value > TimeSpan.Zero;
            Check(positive, property, "must be positive", $"{value.TotalMilliseconds} ms");
            bool whole = value.Ticks % TimeSpan.TicksPerMillisecond == 0;
            Check(whole, property, "must be a whole number of milliseconds", $"{value.TotalMilliseconds} ms");
            return positive && whole;
        }
    }

    /// <summary>Throws when any rule is broken; the exception names the first broken property and lists every error.</summary>
    /// <exception cref="ArgumentException">At least one rule is broken; <see cref="ArgumentException.ParamName"/> is the first property.</exception>
    public void EnsureValid()
    {
        IReadOnlyList<string> errors = Validate();
        if (errors.Count > 0)
        {
            string first = errors[0][..errors[0].IndexOf(':', StringComparison.Ordinal)];
            throw new ArgumentException($"Consensus parameters '{Name}' are invalid: {string.Join(" ", errors)}", first);
        }
    }

    private static ulong Milliseconds(TimeSpan value) => (ulong)(value.Ticks / TimeSpan.TicksPerMillisecond);
}
