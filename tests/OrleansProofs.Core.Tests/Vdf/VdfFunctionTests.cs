// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Security.Cryptography;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Vdf;

namespace OrleansProofs.Core.Tests.Vdf;

/// <summary>
/// Verifies the VDF step against an independent BCL implementation of its definition (state and a
/// state-selected buffer block), the docs/protocol.md §6 vectors, composition and argument checks.
/// </summary>
public sealed class VdfFunctionTests
{
    [Fact]
    public void Vectors_SeedStateStepOutputAbsorbAndSeedDerivation()
    {
        Hash32 seed = Hash32.Parse(VdfVectors.Seed);
        Hash32 initial = VdfFunction.InitialState(seed);
        Assert.Equal(VdfVectors.InitialState, initial.ToString());
        Assert.Equal(VdfVectors.AfterOneIteration, VdfFunction.Iterate(VdfVectors.Buffer, initial, 0, 1).ToString());
        Assert.Equal(VdfVectors.After1000Iterations, VdfFunction.Iterate(VdfVectors.Buffer, initial, 0, 1000).ToString());
        Assert.Equal(VdfVectors.AbsorbInitialStateAt1000, VdfFunction.Absorb(initial, VdfVectors.Root, 1000).ToString());
        using var key = VdfVectors.Key();
        Assert.Equal(VdfVectors.DeriveSeedRfcKeyZeroInput, VdfFunction.DeriveSeed(key.PublicKey, Hash32.Zero).ToString());
    }

    [Fact]
    public void Iterate_MatchesReferenceDefinition_WithDataDependentReads()
    {
        VdfBuffer buffer = VdfVectors.Buffer;
        Hash32 state = VdfFunction.InitialState(buffer.Seed);
        var blocksRead = new HashSet<long>();
        for (ulong i = 0; i < 300; i++)
        {
            long index = (long)(BinaryPrimitives.ReadUInt64BigEndian(state.Bytes) % (ulong)buffer.BlockCount);
            blocksRead.Add(index);
            byte[] counter = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(counter, 1_000_000 + i);
            byte[] message = [11, .. "posc/v1/vdf"u8, .. state.Bytes, .. buffer.Block(index), .. counter];
            Hash32 expected = new(SHA256.HashData(message));
            Assert.Equal(expected, VdfFunction.Iterate(buffer, state, 1_000_000 + i, 1));
            state = expected;
        }

        // The reads wander over the buffer rather than sitting in one place.
        Assert.True(blocksRead.Count > 290, $"only {blocksRead.Count} distinct blocks in 300 steps");
        Assert.Equal(InitialThen(300, 1_000_000), state);
    }

    [Fact]
    public void Iterate_Composes_AndZeroIterationsIsIdentity()
    {
        Hash32 start = VdfFunction.InitialState(VdfVectors.Buffer.Seed);
        Hash32 whole = VdfFunction.Iterate(VdfVectors.Buffer, start, 0, 777);
        Hash32 part = VdfFunction.Iterate(VdfVectors.Buffer, start, 0, 300);
        Assert.Equal(whole, VdfFunction.Iterate(VdfVectors.Buffer, part, 300, 477));
        Assert.Equal(start, VdfFunction.Iterate(VdfVectors.Buffer, start, 5, 0));
        // The iteration number is part of each step: the same state at another position gives another result.
        Assert.NotEqual(whole, VdfFunction.Iterate(VdfVectors.Buffer, start, 1, 777));
    }

    [Fact]
    public void Iterate_DependsOnTheBufferContents()
    {
        VdfBuffer other = VdfBuffer.Create(Hash32.Parse(VdfVectors.After1000Iterations), 1 << 20);
        Hash32 start = VdfFunction.InitialState(VdfVectors.Buffer.Seed);
        Assert.NotEqual(VdfFunction.Iterate(VdfVectors.Buffer, start, 0, 10), VdfFunction.Iterate(other, start, 0, 10));
    }

    [Fact]
    public void Iterate_RejectsIterationNumbersPast2To64()
    {
        Assert.Throws<ArgumentOutOfRangeException>("count", () => VdfFunction.Iterate(VdfVectors.Buffer, Hash32.Zero, ulong.MaxValue - 1, 2));
        Assert.Throws<ArgumentNullException>("buffer", () => VdfFunction.Iterate(null!, Hash32.Zero, 0, 1));
    }

    [Fact]
    public void Calibration_ReturnsAPositiveRate_AndValidatesArguments()
    {
        Assert.True(VdfCalibration.Measure(VdfBuffer.MinBytes, TimeSpan.FromMilliseconds(20)) > 1000);
        Assert.Throws<ArgumentOutOfRangeException>("bufferBytes", () => VdfCalibration.Measure(3 << 20, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>("duration", () => VdfCalibration.Measure(VdfBuffer.MinBytes, TimeSpan.Zero));
    }

    private static Hash32 InitialThen(ulong count, ulong first)
    {
        Hash32 state = VdfFunction.InitialState(VdfVectors.Buffer.Seed);
        return VdfFunction.Iterate(VdfVectors.Buffer, state, first, count);
    }
}
