// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Signatures;

public sealed class SignatureCheckCacheTests
{
    [Fact]
    public void OnlyTheExactVerifiedBytesAreAnsweredFromTheCache()
    {
        using NodeKey key = NodeKey.FromPrivateKey(new byte[32]);
        using NodeKey other = NodeKey.FromPrivateKey(Enumerable.Repeat((byte)7, 32).ToArray());
        byte[] message = "block attestation"u8.ToArray();
        byte[] signature = key.Sign(message);
        SignatureCheckCache cache = new();

        Assert.True(cache.Verify(key.PublicKey, message, signature));
        Assert.True(cache.Verify(key.PublicKey, message, signature));
        Assert.Equal(1, cache.Hits);

        // After the valid triple is cached, any change is verified afresh and fails.
        byte[] flipped = (byte[])signature.Clone();
        flipped[5] ^= 1;
        Assert.False(cache.Verify(key.PublicKey, message, flipped));
        Assert.False(cache.Verify(key.PublicKey, "another attestation"u8, signature));
        Assert.False(cache.Verify(other.PublicKey, message, signature));

        // Failures are never cached: asking again verifies again.
        Assert.False(cache.Verify(key.PublicKey, message, flipped));
        Assert.Equal(1, cache.Hits);
    }
}
