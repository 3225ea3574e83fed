// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>The VDF options are checked when the silo starts; each message names the option.</summary>
public sealed class VdfOptionsTests
{
    private static readonly ConsensusParameters ThreeMiB = ConsensusParameters.Dev with { Name = "dev-3mib", VdfMemoryBytes = 3UL << 20 };

    [Theory]
    [InlineData(0UL, 2048, "NodeOptions.VdfCheckpointIterations")]
    [InlineData((1UL << 24) + 1, 2048, "NodeOptions.VdfCheckpointIterations")]
    [InlineData(1UL << 20, 1, "NodeOptions.VdfRetainedCheckpoints")]
    public void OutOfRangeValues_AreRefusedNamingTheOption(ulong checkpointIterations, int retained, string option)
    {
        NodeOptions options = new() { Profile = "dev", VdfCheckpointIterations = checkpointIterations, VdfRetainedCheckpoints = retained };
        OrleansConfigurationException error = Assert.Throws<OrleansConfigurationException>(() => Validate(options));
        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVdfMemoryThatIsNoBufferSize_IsRefusedWhileTheVdfRuns_AndAcceptedWhenItIsOff()
    {
        OrleansConfigurationException error = Assert.Throws<OrleansConfigurationException>(() => Validate(new NodeOptions { Parameters = ThreeMiB }));
        Assert.Contains("VdfMemoryBytes (3145728)", error.Message, StringComparison.Ordinal);

        Validate(new NodeOptions { Parameters = ThreeMiB, VdfEnabled = false });
        Validate(new NodeOptions { Profile = "standard" });
        Assert.True(new NodeOptions().VdfEnabled);
    }

    private static void Validate(NodeOptions options) => new NodeOptionsValidator(Options.Create(options)).ValidateConfiguration();
}
