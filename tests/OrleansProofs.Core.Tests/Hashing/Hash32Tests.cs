// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Tests.Hashing;

/// <summary>Verifies the 32-byte value type: construction, parsing, ordering and equality.</summary>
public sealed class Hash32Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Constructor_RejectsWrongLength(int length)
    {
        ArgumentException error = Assert.Throws<ArgumentException>("bytes", () => new Hash32(new byte[length]));
        Assert.Contains($"got {length}", error.Message);
    }

    [Fact]
    public void ParseAndFormat_RoundTrip()
    {
        byte[] bytes = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        Hash32 value = new(bytes);
        Assert.Equal(bytes, value.ToArray());
        Assert.Equal(value, Hash32.Parse(value.ToString()));
        Assert.Equal(value, Hash32.Parse(value.ToString().ToUpperInvariant()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void Parse_RejectsBadText(string text)
    {
        Assert.Throws<ArgumentException>("hex", () => Hash32.Parse(text));
        Assert.False(Hash32.TryParse(text, out _));
    }

    [Fact]
    public void Ordering_IsLexicographicOverBytes()
    {
        byte[] low = new byte[32];
        byte[] high = new byte[32];
        low[31] = 0xff;
        high[0] = 0x01;
        Assert.True(new Hash32(low) < new Hash32(high));
        Assert.True(Hash32.Zero < new Hash32(low));
        Assert.True(Hash32.Zero.IsZero);
        Assert.False(new Hash32(low).IsZero);
    }
}
