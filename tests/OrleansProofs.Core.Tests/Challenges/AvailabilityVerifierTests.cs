// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Challenges;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Tests.Challenges;

/// <summary>docs/protocol.md §9.3: an availability answer verifies only with the stored chunk, its path to the registered root, and the binding over this challenge's nonce.</summary>
public sealed class AvailabilityVerifierTests
{
    private static readonly Hash32 s_chainId = Sha256.Hash("chain"u8);
    private static readonly Hash32 s_nonce = Sha256.Hash("nonce"u8);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(5, 0)]
    [InlineData(5, 3)]
    [InlineData(5, 4)]
    [InlineData(8, 7)]
    public void HonestAnswer_Verifies_ForEveryLeaf_TheLastIncluded(int leafCount, int index)
    {
        Replica replica = new(leafCount);
        AvailabilityChallenge challenge = new(s_chainId, (ulong)index, s_nonce);

        AvailabilityCheck check = AvailabilityVerifier.Verify(challenge, replica.Answer(challenge), replica.Root, (ulong)leafCount);

        Assert.True(check.IsValid, check.ToString());
    }

    [Fact]
    public void AnswerUnderAnotherNonce_IsWrongBinding()
    {
        Replica replica = new(5);
        AvailabilityAnswer earlier = replica.Answer(new AvailabilityChallenge(s_chainId, 2, Sha256.Hash("earlier"u8)));

        AvailabilityCheck check = AvailabilityVerifier.Verify(new AvailabilityChallenge(s_chainId, 2, s_nonce), earlier, replica.Root, 5);

        Assert.Equal(AvailabilityFailure.WrongBinding, check.Failure);
    }

    [Fact]
    public void AnotherChunkPresentedAsTheAskedOne_IsWrongChunk()
    {
        Replica replica = new(6);
        AvailabilityChallenge challenge = new(s_chainId, 2, s_nonce);
        AvailabilityAnswer neighbour = replica.Answer(challenge with { ChunkIndex = 3 });
        AvailabilityAnswer dressed = neighbour with
        {
            ChunkIndex = 2,
            Binding = AvailabilityAnswer.ComputeBinding(s_nonce, s_chainId, 2, neighbour.Chunk.AsSpan()),
        };

        Assert.Equal(AvailabilityFailure.WrongChunk, AvailabilityVerifier.Verify(challenge, dressed, replica.Root, 6).Failure);
    }

    [Fact]
    public void AnswerForAnotherIndexOrChain_IsWrongTarget()
    {
        Replica replica = new(6);
        AvailabilityChallenge challenge = new(s_chainId, 2, s_nonce);

        Assert.Equal(AvailabilityFailure.WrongTarget, AvailabilityVerifier.Verify(challenge, replica.Answer(challenge with { ChunkIndex = 3 }), replica.Root, 6).Failure);
        Assert.Equal(AvailabilityFailure.WrongTarget, AvailabilityVerifier.Verify(challenge, replica.Answer(challenge) with { ChainId = s_nonce }, replica.Root, 6).Failure);
    }

    [Fact]
    public void ChallengeOutsideTheRegistration_IsIndexOutOfRange()
    {
        Replica replica = new(4);
        AvailabilityChallenge challenge = new(s_chainId, 4, s_nonce);

        Assert.Equal(AvailabilityFailure.IndexOutOfRange, AvailabilityVerifier.Verify(challenge, replica.Answer(challenge with { ChunkIndex = 3 }) with { ChunkIndex = 4 }, replica.Root, 4).Failure);
    }

    [Fact]
    public void AnyFlippedBitOfTheChunk_IsWrongChunk_AndOfThePathOrBinding_IsRejected()
    {
        Replica replica = new(5);
        AvailabilityChallenge challenge = new(s_chainId, 1, s_nonce);
        AvailabilityAnswer answer = replica.Answer(challenge);
        for (int bit = 0; bit < 4096 * 8; bit += 61)
        {
            byte[] chunk = [.. answer.Chunk];
            chunk[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Equal(AvailabilityFailure.WrongChunk, AvailabilityVerifier.Verify(challenge, answer with { Chunk = [.. chunk] }, replica.Root, 5).Failure);
        }

        for (int sibling = 0; sibling < answer.Path.Length; sibling++)
        {
            for (int bit = 0; bit < 256; bit += 7)
            {
                byte[] bytes = answer.Path[sibling].ToArray();
                bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.False(AvailabilityVerifier.Verify(challenge, answer with { Path = answer.Path.SetItem(sibling, new Hash32(bytes)) }, replica.Root, 5).IsValid);
            }
        }

        for (int bit = 0; bit < 256; bit++)
        {
            byte[] bytes = answer.Binding.ToArray();
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Equal(AvailabilityFailure.WrongBinding, AvailabilityVerifier.Verify(challenge, answer with { Binding = new Hash32(bytes) }, replica.Root, 5).Failure);
        }
    }

    [Fact]
    public void ShortChunkOrWrongPathLength_IsMalformed()
    {
        Replica replica = new(5);
        AvailabilityChallenge challenge = new(s_chainId, 1, s_nonce);
        AvailabilityAnswer answer = replica.Answer(challenge);

        Assert.Equal(AvailabilityFailure.Malformed, AvailabilityVerifier.Verify(challenge, answer with { Chunk = answer.Chunk[..4095] }, replica.Root, 5).Failure);
        Assert.Equal(AvailabilityFailure.Malformed, AvailabilityVerifier.Verify(challenge, answer with { Path = answer.Path.RemoveAt(0) }, replica.Root, 5).Failure);
    }

    [Fact]
    public void Binding_NeedsAFullChunk()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => AvailabilityAnswer.ComputeBinding(s_nonce, s_chainId, 0, new byte[4095]));
        Assert.Equal("chunk", error.ParamName);
    }

    [Fact]
    public void Binding_CoversNonceChainIndexAndBytes()
    {
        byte[] chunk = new byte[4096];
        Hash32 binding = AvailabilityAnswer.ComputeBinding(s_nonce, s_chainId, 3, chunk);
        chunk[4095] = 1;

        Assert.NotEqual(binding, AvailabilityAnswer.ComputeBinding(s_nonce, s_chainId, 3, chunk));
        chunk[4095] = 0;
        Assert.NotEqual(binding, AvailabilityAnswer.ComputeBinding(s_chainId, s_chainId, 3, chunk));
        Assert.NotEqual(binding, AvailabilityAnswer.ComputeBinding(s_nonce, s_nonce, 3, chunk));
        Assert.NotEqual(binding, AvailabilityAnswer.ComputeBinding(s_nonce, s_chainId, 4, chunk));
        Assert.Equal(binding, AvailabilityAnswer.ComputeBinding(s_nonce, s_chainId, 3, chunk));
    }

    /// <summary>A stored replica of random chunks with its leaf hashes and root.</summary>
    private sealed class Replica
    {
        private readonly byte[][] _chunks;
        private readonly Hash32[] _leaves;

        public Replica(int leafCount)
        {
            Random random = new(leafCount);
            _chunks = [.. Enumerable.Range(0, leafCount).Select(_ =>
            {
                byte[] chunk = new byte[4096];
                random.NextBytes(chunk);
                return chunk;
            })];
            _leaves = [.. _chunks.Select(c => TaggedHash.Compute(DomainTags.Leaf, c))];
            Root = MerkleTree.ComputeRoot(_leaves);
        }

        public Hash32 Root { get; }

        public AvailabilityAnswer Answer(AvailabilityChallenge challenge) =>
            AvailabilityAnswer.Create(challenge, _chunks[challenge.ChunkIndex], [.. MerkleTree.BuildPath(_leaves, (long)challenge.ChunkIndex)]);
    }
}
