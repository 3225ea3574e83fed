// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Protocol;

/// <summary>Fixed sizes of protocol version 1. Changing any of them is a new protocol version.</summary>
public static class ProtocolConstants
{
    /// <summary>Bytes per chunk; the last chunk of a file is zero-padded to this size.</summary>
    public const int ChunkSize = 4096;

    /// <summary>
    /// The most chunks one block may select for one chain. The commitment encodes the count as a
    /// u8; 64 keeps every per-block buffer on the stack (64 × 40 bytes) and is 4× the enhanced profile.
    /// </summary>
    public const int MaxChunksPerBlock = 64;

    /// <summary>The largest file a chain can hold: 2^40 chunks (the Merkle tree's limit) of 4,096 bytes.</summary>
    public const ulong MaxFileLength = (1UL << 40) * ChunkSize;

    /// <summary>Number of chunks of a file of <paramref name="fileLength"/> bytes: ceil(fileLength / 4096).</summary>
    public static ulong ChunkCount(ulong fileLength) => fileLength / ChunkSize + (fileLength % ChunkSize == 0 ? 0UL : 1UL);
}
