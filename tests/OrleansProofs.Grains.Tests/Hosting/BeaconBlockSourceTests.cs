// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Blocks;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Silo.Beacon;
using OrleansProofs.Silo.Blocks;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The follower's beacon wiring: each development block carries the beacon's value for its height,
/// verified before it is announced; a beacon whose output does not verify fails the block; no beacon
/// leaves blocks as they are; the options are validated at silo start and the key file is kept.
/// </summary>
public sealed class BeaconBlockSourceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posc-beacon-" + Guid.NewGuid().ToString("N"));

    public BeaconBlockSourceTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task BlocksCarryTheVerifiedBeaconValueOfTheirHeight()
    {
        using DevRandomnessBeacon beacon = new(NodeKey.Generate());
        DevBlockSource chain = new("dev", "posc-dev", TimeSpan.FromSeconds(1), new FakeTimeProvider());
        IBlockSource source = BeaconBlockSource.Wrap(chain, beacon);
        BlockAnnouncement block = await source.WaitForBlockAsync(9, CancellationToken.None);
        Assert.Equal(DevBlockSource.HashAt("posc-dev", "dev", 9), block.BlockHash);
        Assert.Equal((await beacon.GetAsync(9, CancellationToken.None)).Value, block.Beacon);
        Assert.Same(chain, BeaconBlockSource.Wrap(chain, beacon: null));
        Assert.Null(chain.BlockAt(10, 0).Beacon);
    }

    [Fact]
    public async Task AnOutputThatDoesNotVerifyFailsTheBlock()
    {
        using DevRandomnessBeacon honest = new(NodeKey.Generate());
        IBlockSource source = new BeaconBlockSource(new DevBlockSource("dev", "s", TimeSpan.FromSeconds(1), new FakeTimeProvider()), new ForgingBeacon(honest));
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => source.WaitForBlockAsync(3, CancellationToken.None).AsTask());
        Assert.Contains("does not verify", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDevBeaconKeepsItsKeyAndChecksTheExpectedPublicKey()
    {
        NodeOptions node = new() { DataDirectory = _folder };
        BeaconOptions options = new() { Source = BeaconOptions.DevBeacon };
        string publicKey;
        using (ConfiguredBeacon first = new(EmptyServices.Instance, Options.Create(options), Options.Create(node)))
        {
            DevRandomnessBeacon beacon = Assert.IsType<DevRandomnessBeacon>(first.Beacon);
            publicKey = beacon.PublicKey.ToString();
            Assert.True(File.Exists(Path.Combine(_folder, "beacon.key")));
        }

        using (ConfiguredBeacon again = new(EmptyServices.Instance, Options.Create(new BeaconOptions { Source = "dev", PublicKey = publicKey }), Options.Create(node)))
        {
            Assert.Equal(publicKey, Assert.IsType<DevRandomnessBeacon>(again.Beacon).PublicKey.ToString());
        }

        using ConfiguredBeacon none = new(EmptyServices.Instance, Options.Create(new BeaconOptions()), Options.Create(node));
        Assert.Null(none.Beacon);

        string other = new string('a', 64);
        OrleansConfigurationException mismatch = Assert.Throws<OrleansConfigurationException>(() =>
            new BeaconOptionsValidator(Options.Create(new BeaconOptions { Source = "dev", PublicKey = other }), Options.Create(node)).ValidateConfiguration());
        Assert.Contains("BeaconOptions.PublicKey", mismatch.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drand", null, "BeaconOptions.Source")]
    [InlineData("dev", "not-hex", "BeaconOptions.PublicKey")]
    [InlineData("dev", "", "BeaconOptions.PublicKey")]
    public void InvalidOptionsAreRefusedAtStart(string source, string? publicKey, string field)
    {
        BeaconOptionsValidator validator = new(
            Options.Create(new BeaconOptions { Source = source, PublicKey = publicKey }),
            Options.Create(new NodeOptions { DataDirectory = _folder }));
        OrleansConfigurationException error = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A beacon that hands out another value with the honest proof (a tampered relay).</summary>
    private sealed class ForgingBeacon(DevRandomnessBeacon honest) : IRandomnessBeacon
    {
        public string Description => "forging";

        public async ValueTask<BeaconOutput> GetAsync(ulong height, CancellationToken cancellationToken)
        {
            BeaconOutput real = await honest.GetAsync(height, cancellationToken);
            return real with { Value = Core.Hashing.Sha256.Hash("chosen by the relay"u8) };
        }

        public bool Verify(BeaconOutput output) => honest.Verify(output);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static EmptyServices Instance { get; } = new();

        public object? GetService(Type serviceType) => null;
    }
}
