// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Latency;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Latency;

/// <summary>docs/protocol.md §12.5: the encodings of a latency probe request, measurement and report under a fixed key (Ed25519 is deterministic).</summary>
public sealed class LatencyVectorTests
{
    /// <summary>The probe of §12.5 signed by the key 32 × 01.</summary>
    public const string ProbeVector = "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c333333333333333333333333333333333333333333333333333333333333333300000000000003e8222222222222222222222222222222222222222222222222222222222222222200000000000000051111111111111111111111111111111111111111111111111111111111111111fcb0dd3ac5870df6e8cc58ef81730c0c0ccb71d0d7a304521768a63e9b7f1f4805b865930c196fa88342ef8fcf4cbc530333dd45f38a8c137db3c9c6d40b1802";

    /// <summary>The measurement of §12.5 signed by the key 32 × 01.</summary>
    public const string MeasurementVector = "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c333333333333333333333333333333333333333333333333333333333333333300000000000003e82222222222222222222222222222222222222222222222222222222222222222000000000000000511111111111111111111111111111111111111111111111111111111111111110100000000000010e19bac09abba8c741d928f3e70b2ee12ebfb5dc3c91171b4c7f792420abd0f1ff65d3fdda11146991f32df024c3194305fdb37c281266643cea022d5ac4a83d903";

    /// <summary>The report of §12.5 signed by the key 32 × 01.</summary>
    public const string ReportVector = "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c333333333333333333333333333333333333333333333333333333333333333300000000000003e80000001e0000000300000000000288da0000000000001b6701a8226f6edb2717948db9f9a92ea7b75ae3b128cfda28164163440a2d287fc2a571ecf05e33485c9144cc9598f153883b05456071b20c8c36cbfcca0beadc7f04";

    [Fact]
    public void Encodings_MatchTheDocumentedVectors()
    {
        using NodeKey key = NodeKey.FromPrivateKey(Filled(0x01));
        ProverPublicKey prover = new(Filled(0x33));
        LatencyProbe probe = new(key.PublicKey, prover, 1_000, new AvailabilityChallenge(new Hash32(Filled(0x22)), 5, new Hash32(Filled(0x11))));
        LatencyMeasurement measurement = new(key.PublicKey, probe, DataVerified: true, RoundTripMicroseconds: 4_321);
        LatencyReport report = new(key.PublicKey, prover, 1_000, 30, 3, 166_106, 7_015, LatencyOutcome.TooSlow);

        Assert.Equal(ProbeVector, Convert.ToHexStringLower(probe.Sign(key)));
        Assert.Equal(MeasurementVector, Convert.ToHexStringLower(measurement.Sign(key)));
        Assert.Equal(ReportVector, Convert.ToHexStringLower(report.Sign(key)));
    }

    private static byte[] Filled(byte value) => Enumerable.Repeat(value, 32).ToArray();
}
