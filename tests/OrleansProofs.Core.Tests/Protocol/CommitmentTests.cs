// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Tests.Protocol;

/// <summary>
/// Verifies that the access commitment binds every field (chain, link, height, block, entropy, each
/// index and access digest, their order and count), that gap and commit records never collide, that record
/// shapes are checked, and that the commitment paths allocate nothing.
/// </summary>
public sealed class CommitmentTests
{
    private static readonly Hash32 Chain = Sha256.Hash("chain"u8);
    private static readonly Hash32 Previous = Sha256.Hash("previous"u8);
    private static readonly Hash32 Block = Sha256.Hash("block"u8);
    private static readonly Hash32 Entropy = Sha256.Hash("entropy"u8);
    private static readonly Hash32 Other = Sha256.Hash("other"u8);
    private static readonly ulong[] Indices = [7, 3, 11, 0];
    private static readonly Hash32[] Digests = [.. Indices.Select(i => AccessDigest.Compute(Entropy, Chain, i, ChunkOf(i)))];

    private static byte[] ChunkOf(ulong index)
    {
        byte[] chunk = new byte[ProtocolConstants.ChunkSize];
        new Random((int)index).NextBytes(chunk);
        return chunk;
    }

    private static Hash32 Compute(
        Hash32? chain = null, Hash32? previous = null, ulong height = 9, Hash32? block = null, Hash32? entropy = null,
        ulong[]? indices = null, Hash32[]? digests = null) =>
        AccessCommitment.Compute(chain ?? Chain, previous ?? Previous, height, block ?? Block, entropy ?? Entropy, indices ?? Indices, digests ?? Digests);

    [Fact]
    public void EveryField_ChangesTheCommitment()
    {
        Hash32 honest = Compute();
        Hash32[] variants =
        [
            Compute(chain: Other),
            Compute(previous: Other),
            Compute(height: 10),
            Compute(block: Other),
            Compute(entropy: Other),
            Compute(indices: [7, 3, 11, 1]),
            Compute(indices: [3, 7, 11, 0], digests: [Digests[1], Digests[0], Digests[2], Digests[3]]),
            Compute(digests: [Digests[0], Digests[1], Digests[2], Other]),
            Compute(indices: Indices[..3], digests: Digests[..3]),
        ];
        Assert.All(variants, v => Assert.NotEqual(honest, v));
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }

    [Fact]
    public void Gap_BindsEveryField_AndNeverEqualsACommit()
    {
        Hash32 gap = GapCommitment.Compute(Chain, Previous, 9, Block);
        Assert.NotEqual(gap, GapCommitment.Compute(Other, Previous, 9, Block));
        Assert.NotEqual(gap, GapCommitment.Compute(Chain, Other, 9, Block));
        Assert.NotEqual(gap, GapCommitment.Compute(Chain, Previous, 10, Block));
        Assert.NotEqual(gap, GapCommitment.Compute(Chain, Previous, 9, Other));
        Assert.NotEqual(gap, Compute());
    }

    [Fact]
    public void Record_Factories_ComputeTheCommitments()
    {
        ChainRecord commit = ChainRecord.Commit(Chain, Previous, 9, Block, Entropy, [.. Indices], [.. Digests]);
        Assert.Equal(Compute(), commit.Commitment);
        Assert.Equal(ChainRecordKind.Commit, commit.Kind);
        ChainRecord gap = ChainRecord.Gap(Chain, Previous, 9, Block);
        Assert.Equal(GapCommitment.Compute(Chain, Previous, 9, Block), gap.Commitment);
        Assert.True(gap.Indices.IsEmpty);

        // Records compare by value, arrays included.
        Assert.Equal(commit, ChainRecord.Commit(Chain, Previous, 9, Block, Entropy, [.. Indices], [.. Digests]));
        Assert.NotEqual(commit, ChainRecord.Commit(Chain, Previous, 9, Block, Entropy, [7, 3, 11, 1], [.. Digests]));
    }

    [Fact]
    public void BadShapes_NameTheParameter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("indices", () => AccessCommitment.Compute(Chain, Previous, 1, Block, Entropy, [], []));
        Assert.Throws<ArgumentOutOfRangeException>("indices", () => AccessCommitment.Compute(Chain, Previous, 1, Block, Entropy, new ulong[65], new Hash32[65]));
        Assert.Throws<ArgumentException>("accessDigests", () => AccessCommitment.Compute(Chain, Previous, 1, Block, Entropy, Indices, Digests[..3]));

        Assert.Throws<ArgumentException>("indices", () => new ChainRecord(ChainRecordKind.Gap, 1, Block, Previous, [1], [], Other));
        Assert.Throws<ArgumentException>("accessDigests", () => new ChainRecord(ChainRecordKind.Gap, 1, Block, Previous, [], [Other], Other));
        Assert.Throws<ArgumentOutOfRangeException>("indices", () => new ChainRecord(ChainRecordKind.Commit, 1, Block, Previous, [], [], Other));
        Assert.Throws<ArgumentException>("accessDigests", () => new ChainRecord(ChainRecordKind.Commit, 1, Block, Previous, [1, 2], [Other], Other));
        Assert.Throws<ArgumentOutOfRangeException>("kind", () => new ChainRecord((ChainRecordKind)3, 1, Block, Previous, [], [], Other));

        // A default ImmutableArray is read as empty rather than crashing later.
        ChainRecord gap = new(ChainRecordKind.Gap, 1, Block, Previous, default, default, Other);
        Assert.True(gap.Indices.IsEmpty);
    }

    [Fact]
    public void CommitmentGapAndEntropy_AllocateNothing()
    {
        Hash32 sink = Compute();
        sink = GapCommitment.Compute(Chain, Previous, 9, Block);
        sink = BlockEntropy.Compute(Block, Entropy, 9);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            sink = AccessCommitment.Compute(Chain, Previous, (ulong)i, Block, Entropy, Indices, Digests);
            sink = GapCommitment.Compute(Chain, sink, 9, Block);
            sink = BlockEntropy.Compute(Block, null, (ulong)i);
            sink = BlockEntropy.Compute(Block, sink, (ulong)i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.False(sink.IsZero);
    }
}
