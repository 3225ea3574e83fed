// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Replica;

/// <summary>
/// What encoding a file produced, and what the chain's ownership commitment binds: the original's
/// data hash and length, the replica's Merkle root and chunk count, and the encoding parameters.
/// </summary>
/// <param name="DataHash">SHA-256(u8 12 ‖ "posc/v1/data" ‖ u64 file_length ‖ file bytes) of the original.</param>
/// <param name="ReplicaRoot">Merkle root over TaggedHash(Leaf, stored chunk i), in chunk order.</param>
/// <param name="TotalChunks">ceil(FileLength / 4096).</param>
/// <param name="FileLength">Length of the original file in bytes.</param>
/// <param name="EncodingVersion">Replica encoding version (<see cref="ReplicaCodec.EncodingVersion"/>).</param>
/// <param name="WorkFactor">Sequential SHA-256 iterations per chunk pad.</param>
public sealed record ReplicaInfo(
    Hash32 DataHash,
    Hash32 ReplicaRoot,
    long TotalChunks,
    long FileLength,
    byte EncodingVersion,
    uint WorkFactor);
