// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// Verifies the chain header: each field rule throws naming the field, the chunk count is
/// ceil(length / 4096) at every boundary, and the ownership and anchored commitments bind every field.
/// </summary>
public sealed class ChainHeaderTests
{
    private static readonly Hash32 Data = Sha256.Hash("data"u8);
    private static readonly ProverPublicKey Key = ProverPublicKey.Parse("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    private static readonly Hash32 Root = Sha256.Hash("root"u8);
    private static readonly Hash32 Anchor = Sha256.Hash("anchor"u8);

    private static ChainHeader Header(
        Hash32? data = null, ProverPublicKey? key = null, Hash32? root = null, ulong length = 10_000,
        byte version = 1, uint work = 64, ulong height = 100, Hash32? anchor = null) =>
        ChainHeader.Create(data ?? Data, key ?? Key, root ?? Root, length, version, work, height, anchor ?? Anchor);

    [Theory]
    [InlineData(1UL, 1UL)]
    [InlineData(4095UL, 1UL)]
    [InlineData(4096UL, 1UL)]
    [InlineData(4097UL, 2UL)]
    [InlineData(8192UL, 2UL)]
    [InlineData(8193UL, 3UL)]
    [InlineData(1_000_000UL, 245UL)]
    public void TotalChunks_IsCeilingOfLengthOver4096(ulong length, ulong chunks)
    {
        Assert.Equal(chunks, Header(length: length).TotalChunks);
    }

    [Fact]
    public void EveryRule_ThrowsNamingTheField()
    {
        Hash32 chainId = ChainId.Compute(Data, Key);
        Assert.Throws<ArgumentException>("dataHash", () => Header(data: Hash32.Zero));
        Assert.Throws<ArgumentException>("proverPublicKey", () => Header(key: new ProverPublicKey(new byte[32])));
        Assert.Throws<ArgumentException>("replicaRoot", () => Header(root: Hash32.Zero));
        Assert.Throws<ArgumentOutOfRangeException>("fileLength", () => Header(length: 0));
        Assert.Throws<ArgumentOutOfRangeException>("fileLength", () => Header(length: ProtocolConstants.MaxFileLength + 1));
        Assert.Throws<ArgumentOutOfRangeException>("encodingVersion", () => Header(version: 0));
        Assert.Throws<ArgumentOutOfRangeException>("workFactor", () => Header(work: 0));
        Assert.Throws<ArgumentOutOfRangeException>("anchorHeight", () => Header(height: ulong.MaxValue));
        Assert.Throws<ArgumentException>("anchorBlockHash", () => Header(anchor: Hash32.Zero));

        // The full constructor also checks the derived fields.
        Assert.Throws<ArgumentException>("chainId", () => new ChainHeader(Root, Data, Key, Root, 3, 10_000, 1, 64, 100, Anchor));
        ArgumentException wrongCount = Assert.Throws<ArgumentException>("totalChunks", () => new ChainHeader(chainId, Data, Key, Root, 2, 10_000, 1, 64, 100, Anchor));
        Assert.Contains("= 3", wrongCount.Message, StringComparison.Ordinal);
        Assert.Equal(Header(), new ChainHeader(chainId, Data, Key, Root, 3, 10_000, 1, 64, 100, Anchor));
    }

    [Fact]
    public void Ownership_BindsEveryField_AndAnchoredAddsTheAnchor()
    {
        using NodeKey other = NodeKey.Generate();
        ChainHeader honest = Header();
        ChainHeader[] ownershipVariants =
        [
            Header(data: Sha256.Hash("other"u8)),
            Header(key: other.PublicKey),
            Header(root: Sha256.Hash("other"u8)),
            Header(length: 10_001),
            Header(length: 20_000),
            Header(version: 2),
            Header(work: 65),
        ];
        Assert.All(ownershipVariants, v => Assert.NotEqual(honest.OwnershipCommitment, v.OwnershipCommitment));
        Assert.All(ownershipVariants, v => Assert.NotEqual(honest.AnchoredCommitment, v.AnchoredCommitment));

        // The anchor changes the genesis but not the ownership.
        foreach (ChainHeader anchored in new[] { Header(height: 101), Header(anchor: Sha256.Hash("other"u8)) })
        {
            Assert.Equal(honest.OwnershipCommitment, anchored.OwnershipCommitment);
            Assert.NotEqual(honest.AnchoredCommitment, anchored.AnchoredCommitment);
        }

        Assert.Equal(101UL, honest.FirstHeight);
    }

    [Fact]
    public void ChainId_DependsOnDataAndProver()
    {
        using NodeKey other = NodeKey.Generate();
        Hash32 id = ChainId.Compute(Data, Key);
        Assert.NotEqual(id, ChainId.Compute(Sha256.Hash("x"u8), Key));
        Assert.NotEqual(id, ChainId.Compute(Data, other.PublicKey));
        Assert.Equal(id, Header().ChainId);
    }
}
