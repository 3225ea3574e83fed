// SPDX-License-Identifier: MIT

using System.Reflection;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;

namespace OrleansProofs.Core.Tests.Parameters;

/// <summary>
/// Verifies the consensus parameters: the DESIGN.md §4 defaults and the three profiles, lookup by
/// name, every validation rule naming its property, and a parameters hash that covers every field
/// but the name.
/// </summary>
public sealed class ConsensusParametersTests
{
    [Fact]
    public void Standard_HasTheSpecifiedDefaults()
    {
        ConsensusParameters p = ConsensusParameters.Standard;
        Assert.Equal(1, p.Version);
        Assert.Equal("standard", p.Name);
        Assert.Equal(4096, p.ChunkSizeBytes);
        Assert.Equal(4, p.ChunksPerBlock);
        Assert.Equal(8, p.ProofWindowBlocks);
        Assert.Equal(TimeSpan.FromSeconds(16), p.BlockTime);
        Assert.Equal(1_000, p.ChainsPerGroup);
        Assert.Equal(10, p.GroupsPerRegion);
        Assert.Equal((1_000, 5_000, 10_000), (p.GroupIterations, p.RegionIterations, p.GlobalIterations));
        Assert.Equal(10, p.AvailabilityChallengesPerBlock);
        Assert.Equal(TimeSpan.FromMilliseconds(500), p.AvailabilityDeadline);
        Assert.Equal(TimeSpan.FromMilliseconds(100), p.MaxAverageLatency);
        Assert.Equal(TimeSpan.FromMilliseconds(20), p.MaxLatencyStandardDeviation);
        Assert.Equal(256UL << 20, p.VdfMemoryBytes);
        Assert.Equal(225, p.VdfCheckpointIntervalBlocks);
        Assert.Equal(8, p.RemovalDelayBlocks);
        Assert.Equal((365, 2_555, 30), (p.RetentionStandardDays, p.RetentionArchivalDays, p.RetentionTemporaryDays));
        Assert.Equal((100UL, 1_000UL, 1UL, 1_000UL), (p.RegistrationBond, p.CheckpointBond, p.AvailabilityReward, p.SlashingPenalty));
        Assert.Equal(65_536UL, p.MinimumFileSizeBytes);
        Assert.Empty(p.Validate());
    }

    [Fact]
    public void Profiles_DifferOnlyWhereSpecified()
    {
        Assert.Equal(ConsensusParameters.Standard with { Name = "enhanced", ChunksPerBlock = 16 }, ConsensusParameters.Enhanced);
        ConsensusParameters dev = ConsensusParameters.Dev;
        Assert.Equal(4, dev.ChunksPerBlock);
        Assert.Equal(4UL << 20, dev.VdfMemoryBytes);
        Assert.Equal(TimeSpan.FromSeconds(2), dev.BlockTime);
        Assert.Empty(ConsensusParameters.Enhanced.Validate());
        Assert.Empty(dev.Validate());
    }

    [Theory]
    [InlineData("standard", "standard")]
    [InlineData("Enhanced", "enhanced")]
    [InlineData(" DEV ", "dev")]
    public void FromName_IsCaseInsensitive(string name, string expected)
    {
        Assert.Equal(expected, ConsensusParameters.FromName(name).Name);
    }

    [Fact]
    public void FromName_Unknown_ListsTheKnownProfiles()
    {
        ArgumentException error = Assert.Throws<ArgumentException>("name", () => ConsensusParameters.FromName("turbo"));
        Assert.Contains("'turbo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("standard, enhanced, dev", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<ConsensusParameters, ConsensusParameters>> BrokenRules => new()
    {
        { "Version", p => p with { Version = 2 } },
        { "Name", p => p with { Name = " " } },
        { "ChunkSizeBytes", p => p with { ChunkSizeBytes = 8192 } },
        { "ChunksPerBlock", p => p with { ChunksPerBlock = 0 } },
        { "ChunksPerBlock", p => p with { ChunksPerBlock = 65 } },
        { "ProofWindowBlocks", p => p with { ProofWindowBlocks = 0 } },
        { "BlockTime", p => p with { BlockTime = TimeSpan.Zero } },
        { "BlockTime", p => p with { BlockTime = TimeSpan.FromTicks(16 * TimeSpan.TicksPerSecond + 1) } },
        { "ChainsPerGroup", p => p with { ChainsPerGroup = 0 } },
        { "GroupsPerRegion", p => p with { GroupsPerRegion = 0 } },
        { "GroupIterations", p => p with { GroupIterations = 0 } },
        { "RegionIterations", p => p with { RegionIterations = -1 } },
        { "GlobalIterations", p => p with { GlobalIterations = 0 } },
        { "AvailabilityChallengesPerBlock", p => p with { AvailabilityChallengesPerBlock = 0 } },
        { "AvailabilityDeadline", p => p with { AvailabilityDeadline = TimeSpan.FromSeconds(16) } },
        { "MaxAverageLatency", p => p with { MaxAverageLatency = TimeSpan.FromMilliseconds(501) } },
        { "MaxLatencyStandardDeviation", p => p with { MaxLatencyStandardDeviation = TimeSpan.FromMilliseconds(101) } },
        { "LatencyVantagePoints", p => p with { LatencyVantagePoints = 0 } },
        { "VdfMemoryBytes", p => p with { VdfMemoryBytes = 1024 } },
        { "VdfMemoryBytes", p => p with { VdfMemoryBytes = (1UL << 20) + 1 } },
        { "VdfMinimumIterationsPerBlock", p => p with { VdfMinimumIterationsPerBlock = 0 } },
        { "VdfCheckpointIntervalBlocks", p => p with { VdfCheckpointIntervalBlocks = 0 } },
        { "RemovalDelayBlocks", p => p with { RemovalDelayBlocks = 7 } },
        { "RetentionTemporaryDays", p => p with { RetentionTemporaryDays = 0 } },
        { "RetentionStandardDays", p => p with { RetentionStandardDays = 29 } },
        { "RetentionArchivalDays", p => p with { RetentionArchivalDays = 364 } },
        { "RegistrationBond", p => p with { RegistrationBond = 0 } },
        { "CheckpointBond", p => p with { CheckpointBond = 0, SlashingPenalty = 0 } },
        { "SlashingPenalty", p => p with { SlashingPenalty = 1_001 } },
        { "ReplicaEncodingVersion", p => p with { ReplicaEncodingVersion = 0 } },
        { "ReplicaWorkFactor", p => p with { ReplicaWorkFactor = 0 } },
        { "MinimumFileSizeBytes", p => p with { MinimumFileSizeBytes = 0 } },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void EachRule_NamesItsProperty(string property, Func<ConsensusParameters, ConsensusParameters> breakRule)
    {
        ConsensusParameters broken = breakRule(ConsensusParameters.Standard);
        string error = Assert.Single(broken.Validate());
        Assert.StartsWith(property + ": ", error, StringComparison.Ordinal);
        Assert.Contains("(got ", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(property, broken.EnsureValid);
        Assert.Throws<ArgumentException>(property, () => broken.ComputeParametersHash());
    }

    [Fact]
    public void Validate_ReportsEveryBrokenRule()
    {
        ConsensusParameters broken = ConsensusParameters.Standard with { ChunksPerBlock = 0, GroupsPerRegion = 0, SlashingPenalty = 5_000 };
        Assert.Equal(3, broken.Validate().Count);
        ArgumentException error = Assert.Throws<ArgumentException>("ChunksPerBlock", broken.EnsureValid);
        Assert.Contains("GroupsPerRegion", error.Message, StringComparison.Ordinal);
        Assert.Contains("SlashingPenalty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersHash_CoversEveryFieldButTheName()
    {
        ConsensusParameters p = ConsensusParameters.Standard;
        ConsensusParameters[] variants =
        [
            p with { ChunksPerBlock = 5 },
            p with { ProofWindowBlocks = 7, RemovalDelayBlocks = 8 },
            p with { BlockTime = TimeSpan.FromSeconds(18) },
            p with { ChainsPerGroup = 999 },
            p with { GroupsPerRegion = 11 },
            p with { GroupIterations = 1_001 },
            p with { RegionIterations = 5_001 },
            p with { GlobalIterations = 10_001 },
            p with { AvailabilityChallengesPerBlock = 11 },
            p with { AvailabilityDeadline = TimeSpan.FromMilliseconds(501) },
            p with { MaxAverageLatency = TimeSpan.FromMilliseconds(99) },
            p with { MaxLatencyStandardDeviation = TimeSpan.FromMilliseconds(21) },
            p with { LatencyVantagePoints = 4 },
            p with { VdfMemoryBytes = 128UL << 20 },
            p with { VdfMinimumIterationsPerBlock = 999_999 },
            p with { VdfCheckpointIntervalBlocks = 224 },
            p with { RemovalDelayBlocks = 9 },
            p with { RetentionStandardDays = 366 },
            p with { RetentionArchivalDays = 2_556 },
            p with { RetentionTemporaryDays = 31 },
            p with { RegistrationBond = 101 },
            p with { CheckpointBond = 1_001 },
            p with { AvailabilityReward = 2 },
            p with { SlashingPenalty = 999 },
            p with { ReplicaEncodingVersion = 2 },
            p with { ReplicaWorkFactor = 65 },
            p with { MinimumFileSizeBytes = 65_537 },
        ];
        Hash32 standard = p.ComputeParametersHash();
        Hash32[] hashes = [.. variants.Select(v => v.ComputeParametersHash())];
        Assert.DoesNotContain(standard, hashes);
        Assert.Equal(hashes.Length, hashes.Distinct().Count());
        Assert.Equal(standard, (p with { Name = "renamed" }).ComputeParametersHash());

        // Every settable property except Version, ChunkSizeBytes (fixed in version 1) and Name is varied above.
        int settable = typeof(ConsensusParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance).Count(x => x.SetMethod is not null);
        Assert.Equal(settable - 3, variants.Length);
    }

    [Fact]
    public void ParametersHash_IsDeterministic()
    {
        ConsensusParameters copy = ConsensusParameters.Standard with { };
        Assert.Equal(ConsensusParameters.Standard.ComputeParametersHash(), copy.ComputeParametersHash());
        Assert.NotEqual(ConsensusParameters.Standard.ComputeParametersHash(), ConsensusParameters.Dev.ComputeParametersHash());
    }
}
