// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Checkpoints;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Checkpoints;

/// <summary>
/// The signed layer-1 checkpoint: the documented layout and vector (docs/protocol.md §11), round trip,
/// and rejection of every single flipped bit, of truncation, trailing bytes and another prover.
/// </summary>
public sealed class ProverCheckpointTests : IDisposable
{
    private readonly NodeKey _key = NodeKey.FromPrivateKey([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

    public void Dispose() => _key.Dispose();

    private ProverCheckpoint Sample() => new(
        _key.PublicKey,
        Height: 225,
        BlockHash: Sha256.Hash("block 225"u8),
        GlobalRoot: Sha256.Hash("root 225"u8),
        TotalChains: 3,
        VdfIterations: 2_250_000,
        VdfState: Sha256.Hash("vdf 225"u8),
        BondId: "checkpoint/dev/225");

    [Fact]
    public void MatchesTheDocumentedVector()
    {
        byte[] encoded = Sample().Sign(_key);
        Assert.Equal(154 + 18 + 64, encoded.Length);
        Assert.Equal(1, encoded[0]);
        Assert.Equal(_key.PublicKey.Bytes.ToArray(), encoded[1..33]);
        Assert.Equal(18, encoded[153]);
        Assert.Equal(LayerOneVectors.Checkpoint225, Convert.ToHexStringLower(encoded));
    }

    [Fact]
    public void RoundTripsAndVerifies()
    {
        ProverCheckpoint checkpoint = Sample();
        byte[] encoded = checkpoint.Sign(_key);
        Assert.Equal(checkpoint, ProverCheckpoint.Decode(encoded));
        Assert.Equal(checkpoint, ProverCheckpoint.DecodeVerified(encoded));
        Assert.Equal(checkpoint, ProverCheckpoint.DecodeVerified(encoded, _key.PublicKey));
    }

    [Fact]
    public void EveryFlippedBitIsRejected()
    {
        byte[] encoded = Sample().Sign(_key);
        for (int bit = 0; bit < encoded.Length * 8; bit++)
        {
            byte[] flipped = (byte[])encoded.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Null(ProverCheckpoint.DecodeVerified(flipped));
        }
    }

    [Fact]
    public void TruncatedExtendedOrForeignCheckpointsAreRejected()
    {
        byte[] encoded = Sample().Sign(_key);
        using NodeKey other = NodeKey.Generate();
        Assert.Null(ProverCheckpoint.DecodeVerified(encoded.AsSpan(0, encoded.Length - 1)));
        Assert.Null(ProverCheckpoint.DecodeVerified([.. encoded, 0]));
        Assert.Null(ProverCheckpoint.DecodeVerified(encoded, other.PublicKey));
        Assert.Throws<FormatException>(() => ProverCheckpoint.Decode(encoded.AsSpan(0, 100)));

        // Signed by another key while naming this prover: the signature does not verify.
        ProverCheckpoint claimed = Sample() with { Prover = other.PublicKey };
        byte[] byOther = claimed.Sign(other);
        _key.PublicKey.Bytes.CopyTo(byOther.AsSpan(1));
        Assert.Null(ProverCheckpoint.DecodeVerified(byOther));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("é")]
    public void BadBondIdsAreRefusedWhenSigning(string bondId)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => (Sample() with { BondId = bondId }).Sign(_key));
        Assert.Equal("BondId", error.ParamName);
    }

    [Fact]
    public void SigningWithAnotherKeyIsRefused()
    {
        using NodeKey other = NodeKey.Generate();
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => Sample().Sign(other)).ParamName);
    }
}
