// SPDX-License-Identifier: MIT

using CsCheck;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Tests.Hashing;

/// <summary>Verifies both SHA-256 paths against FIPS vectors and against each other for every length that matters.</summary>
public sealed class Sha256Tests
{
    // FIPS 180-2 appendix B: "abc", the empty string, and the 448-bit two-block message.
    public static readonly TheoryData<string, string> FipsVectors = new()
    {
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    };

    [Theory]
    [MemberData(nameof(FipsVectors))]
    public void KnownAnswers_BothPaths(string message, string expected)
    {
        byte[] input = System.Text.Encoding.ASCII.GetBytes(message);
        Assert.Equal(expected, Sha256.Hash(input).ToString());
        Assert.Equal(expected, Sha256.HashManaged(input).ToString());
        if (Sha256.IsNativeFastPath)
        {
            Assert.Equal(expected, Sha256.HashNative(input).ToString());
        }
    }

    [Fact]
    public void NativeFastPath_IsAvailableOnLinux()
    {
        // The fast path is the point on the production OS; losing it silently would be a regression.
        if (OperatingSystem.IsLinux())
        {
            Assert.True(Sha256.IsNativeFastPath, "libcrypto's SHA256_Init/Update/Final were not found or failed the self test.");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(77)]
    [InlineData(119)]
    [InlineData(120)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(70_000)]
    public void NativeAndManaged_AgreeAtPaddingBoundaries(int length)
    {
        // Either side of each padding boundary (55/56 bytes, block multiples) and the native cut-over size.
        byte[] data = new byte[length];
        new Random(length * 7919 + 1).NextBytes(data);
        Hash32 managed = Sha256.HashManaged(data);
        Assert.Equal(managed, Sha256.Hash(data));
        if (Sha256.IsNativeFastPath)
        {
            Assert.Equal(managed, Sha256.HashNative(data));
        }
    }

    [Fact]
    public void MultiPartHash_EqualsHashOfConcatenation()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Byte.Array[0, 300], Gen.Byte.Array[0, 300]).Sample((a, b, c) =>
        {
            byte[] all = [.. a, .. b, .. c];
            Hash32 expected = Sha256.HashManaged(all);
            return Sha256.HashConcat(a, b, c) == expected
                && Sha256.HashManaged(a, b, c) == expected
                && (!Sha256.IsNativeFastPath || Sha256.HashNative(a, b, c) == expected);
        });
    }

    [Fact]
    public void Hash_RejectsWrongDestinationLength()
    {
        ArgumentException error = Assert.Throws<ArgumentException>("destination", () => Sha256.Hash([1, 2, 3], new byte[31]));
        Assert.Contains("32", error.Message);
    }

    [Fact]
    public void TaggedHash_IsLengthPrefixedTagThenBody()
    {
        byte[] body = [9, 8, 7];
        byte[] expectedInput = [(byte)DomainTags.Leaf.Length, .. DomainTags.Leaf, .. body];
        Assert.Equal(Sha256.HashManaged(expectedInput), TaggedHash.Compute(DomainTags.Leaf, body));
        Assert.NotEqual(TaggedHash.Compute(DomainTags.Leaf, body), TaggedHash.Compute(DomainTags.Node, body));
    }
}
