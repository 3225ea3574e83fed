// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Proofs;

/// <summary>What a full proof needs from the prover's stored replica: a chunk's bytes and its leaf's Merkle path.</summary>
public interface IReplicaOpener
{
    /// <summary>Reads stored chunk <paramref name="index"/> into <paramref name="destination"/> (4,096 bytes).</summary>
    void ReadChunk(ulong index, Span<byte> destination);

    /// <summary>The Merkle path of chunk <paramref name="index"/>'s leaf to the replica root.</summary>
    Hash32[] GetPath(ulong index);
}
