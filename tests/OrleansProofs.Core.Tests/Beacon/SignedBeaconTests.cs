// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Beacon;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Tests.Checkpoints;

namespace OrleansProofs.Core.Tests.Beacon;

/// <summary>
/// The development beacon: the documented vector (docs/protocol.md §10), verification by public key
/// only, and rejection of a forged value, a flipped proof bit, another height and another key.
/// </summary>
public sealed class SignedBeaconTests : IDisposable
{
    private readonly NodeKey _key = NodeKey.FromPrivateKey([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

    public void Dispose() => _key.Dispose();

    [Fact]
    public void MatchesTheDocumentedVector()
    {
        Assert.Equal(Hash32.Parse(LayerOneVectors.PublicKey), _key.PublicKey.AsHash32());
        Assert.Equal(Hash32.Parse(LayerOneVectors.BeaconMessage42), SignedBeacon.Message(_key.PublicKey, 42));
        (Hash32 value, byte[] proof) = SignedBeacon.Produce(_key, 42);
        Assert.Equal(LayerOneVectors.BeaconProof42, Convert.ToHexStringLower(proof));
        Assert.Equal(Hash32.Parse(LayerOneVectors.BeaconValue42), value);
    }

    [Fact]
    public void VerifiesWithThePublicKeyOnly()
    {
        (Hash32 value, byte[] proof) = SignedBeacon.Produce(_key, 7);
        ProverPublicKey publicOnly = ProverPublicKey.Parse(_key.PublicKey.ToString());
        Assert.True(SignedBeacon.Verify(publicOnly, 7, value, proof));
        Assert.Equal(value, SignedBeacon.Produce(_key, 7).Value);
        Assert.NotEqual(value, SignedBeacon.Produce(_key, 8).Value);
    }

    [Fact]
    public void ForgedValueIsRejected()
    {
        (Hash32 value, byte[] proof) = SignedBeacon.Produce(_key, 7);
        byte[] forged = value.ToArray();
        forged[0] ^= 1;
        Assert.False(SignedBeacon.Verify(_key.PublicKey, 7, new Hash32(forged), proof));
    }

    [Fact]
    public void EveryFlippedProofBitIsRejected()
    {
        (Hash32 value, byte[] proof) = SignedBeacon.Produce(_key, 7);
        for (int bit = 0; bit < proof.Length * 8; bit++)
        {
            byte[] flipped = (byte[])proof.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(SignedBeacon.Verify(_key.PublicKey, 7, value, flipped), $"bit {bit}");
            Assert.False(SignedBeacon.Verify(_key.PublicKey, 7, SignedBeacon.ValueOf(flipped), flipped), $"bit {bit} with the matching value");
        }
    }

    [Fact]
    public void AnotherHeightKeyOrLengthIsRejected()
    {
        (Hash32 value, byte[] proof) = SignedBeacon.Produce(_key, 7);
        using NodeKey other = NodeKey.Generate();
        Assert.False(SignedBeacon.Verify(_key.PublicKey, 8, value, proof));
        Assert.False(SignedBeacon.Verify(other.PublicKey, 7, value, proof));
        Assert.False(SignedBeacon.Verify(_key.PublicKey, 7, value, proof.AsSpan(0, 63)));
        Assert.False(SignedBeacon.Verify(_key.PublicKey, 7, value, [.. proof, 0]));
        Assert.Throws<ArgumentException>(() => SignedBeacon.ValueOf(proof.AsSpan(1)));
    }

    [Fact]
    public void BeaconChangesTheBlockEntropy()
    {
        Hash32 blockHash = Sha256.Hash("block"u8);
        Hash32 value = SignedBeacon.Produce(_key, 7).Value;
        Assert.NotEqual(BlockEntropy.Compute(blockHash, null, 7), BlockEntropy.Compute(blockHash, value, 7));
    }
}
