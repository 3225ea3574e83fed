// SPDX-License-Identifier: MIT

using CsCheck;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Hierarchy;

namespace OrleansProofs.Core.Tests.Hierarchy;

/// <summary>
/// Verifies the iterated hash: one step is the tagged 48-byte hash, n steps compose n single
/// steps, the single-block native path equals the portable path for every seed and count, and a
/// known vector (independently computed with Python's hashlib) holds.
/// </summary>
public sealed class IteratedHashTests
{
    [Fact]
    public void Step_IsTheTaggedHashOfTheState_In48Bytes()
    {
        Hash32 x = Sha256.Hash("state"u8);
        Assert.Equal(IteratedHash.StepInputSize, ProtocolWriter.TagSize(DomainTags.Iterate) + Hash32.Size);
        Assert.Equal(TaggedHash.Compute(DomainTags.Iterate, x.Bytes), IteratedHash.Step(x));
    }

    [Fact]
    public void KnownVectors_FromAnIndependentImplementation()
    {
        Assert.Equal(Hash32.Parse("1eb707315f7ebe6b646a7427a9b115f81af32b4bd0e4c83c262dc3eb57f5d4de"), IteratedHash.Compute(Hash32.Zero, 1));
        Assert.Equal(Hash32.Parse("510f5e75cc3faa71a3f21546c3da5c1cdfab03d8be00b21d55b1001f3b53920d"), IteratedHash.Compute(Hash32.Zero, 1000));
    }

    [Fact]
    public void ZeroIterations_ReturnTheSeed_AndNStepsComposeSingleSteps()
    {
        Hash32 seed = Sha256.Hash("seed"u8);
        Assert.Equal(seed, IteratedHash.Compute(seed, 0));
        Hash32 stepped = seed;
        for (int i = 1; i <= 70; i++)
        {
            stepped = IteratedHash.Step(stepped);
            Assert.Equal(stepped, IteratedHash.Compute(seed, i));
        }

        Assert.Equal(IteratedHash.Compute(IteratedHash.Compute(seed, 300), 700), IteratedHash.Compute(seed, 1000));
    }

    [Fact]
    public void BlockPath_EqualsPortablePath_ForAnySeedAndCount()
    {
        if (OperatingSystem.IsLinux())
        {
            Assert.True(IteratedHash.IsBlockFastPath, "libcrypto's SHA256_Transform was not found or failed its self test.");
        }

        Gen.Select(Gen.Byte.Array[32], Gen.Int[0, 300]).Sample((bytes, count) =>
        {
            Hash32 seed = new(bytes);
            Hash32 portable = IteratedHash.ComputePortable(seed, count);
            Assert.Equal(portable, IteratedHash.Compute(seed, count));
            if (IteratedHash.IsBlockFastPath)
            {
                Assert.Equal(portable, IteratedHash.ComputeBlock(seed, count));
            }
        });
    }

    [Fact]
    public void NegativeIterations_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>("iterations", () => IteratedHash.Compute(Hash32.Zero, -1));
    }
}
