// SPDX-License-Identifier: MIT
// Availability answer verification — docs/protocol.md §9.3; inputs: the verifier's own challenge, the chain's registered replica root and chunk count, the prover's answer.

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Challenges;

/// <summary>
/// Checks an availability answer from public data only: the challenge the verifier itself issued,
/// and the chain's registered replica root and chunk count (which the chain's anchored header binds
/// and the prover's signed global roots cover). Nothing in the answer is taken on trust: the chunk's
/// bytes are hashed to the leaf, the leaf is walked up the path to the registered root, and the
/// binding is recomputed over the challenge's nonce and those bytes. Timing is not judged here; the
/// verifier measures the round trip itself (<see cref="AvailabilityJudge"/>).
/// </summary>
public static class AvailabilityVerifier
{
    /// <summary>Verifies <paramref name="answer"/> to <paramref name="challenge"/> against the registration.</summary>
    /// <param name="challenge">The challenge as the verifier issued it.</param>
    /// <param name="answer">The prover's answer.</param>
    /// <param name="replicaRoot">The chain's registered replica Merkle root.</param>
    /// <param name="totalChunks">The chain's registered chunk count (the tree's leaf count).</param>
    public static AvailabilityCheck Verify(AvailabilityChallenge challenge, AvailabilityAnswer answer, in Hash32 replicaRoot, ulong totalChunks)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(answer);
        if (totalChunks == 0 || totalChunks > (ulong)MerkleTree.MaxLeafCount || challenge.ChunkIndex >= totalChunks)
        {
            return AvailabilityCheck.Fail(AvailabilityFailure.IndexOutOfRange,
                $"challenge.chunkIndex {challenge.ChunkIndex} is not below the registered chunk count {totalChunks}.");
        }

        if (answer.ChainId != challenge.ChainId)
        {
            return AvailabilityCheck.Fail(AvailabilityFailure.WrongTarget, $"answer.chainId is {answer.ChainId}; the challenge asked about {challenge.ChainId}.");
        }

        if (answer.ChunkIndex != challenge.ChunkIndex)
        {
            return AvailabilityCheck.Fail(AvailabilityFailure.WrongTarget, $"answer.chunkIndex is {answer.ChunkIndex}; the challenge asked for {challenge.ChunkIndex}.");
        }

        if (answer.Chunk.IsDefault || answer.Chunk.Length != ProtocolConstants.ChunkSize)
        {
            return AvailabilityCheck.Fail(AvailabilityFailure.Malformed,
                $"answer.chunk must be {ProtocolConstants.ChunkSize} bytes; got {(answer.Chunk.IsDefault ? 0 : answer.Chunk.Length)}.");
        }

        ReadOnlySpan<Hash32> path = answer.Path.IsDefault ? [] : answer.Path.AsSpan();
        int expectedLength = MerkleTree.PathLength((long)challenge.ChunkIndex, (long)totalChunks);
        if (path.Length != expectedLength)
        {
            return AvailabilityCheck.Fail(AvailabilityFailure.Malformed,
                $"answer.path has {path.Length} siblings; leaf {challenge.ChunkIndex} of {totalChunks} needs {expectedLength}.");
        }

        Hash32 leaf = TaggedHash.Compute(DomainTags.Leaf, answer.Chunk.AsSpan());
        if (!MerkleTree.VerifyPath(leaf, (long)challenge.ChunkIndex, (long)totalChunks, path, replicaRoot))
        {
            return AvailabilityCheck.Fail(AvailabilityFailure.WrongChunk,
                $"answer.chunk (leaf {leaf}) does not lead through answer.path to the registered replica root {replicaRoot} at index {challenge.ChunkIndex}.");
        }

        Hash32 expected = AvailabilityAnswer.ComputeBinding(challenge.Nonce, challenge.ChainId, challenge.ChunkIndex, answer.Chunk.AsSpan());
        return expected == answer.Binding
            ? AvailabilityCheck.Valid()
            : AvailabilityCheck.Fail(AvailabilityFailure.WrongBinding,
                $"answer.binding is {answer.Binding}; the chunk under this challenge's nonce {challenge.Nonce} gives {expected}.");
    }
}
