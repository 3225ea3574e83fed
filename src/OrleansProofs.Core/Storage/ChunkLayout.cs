// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Merkle;

namespace OrleansProofs.Core.Storage;

/// <summary>
/// How a file of <see cref="FileLength"/> bytes splits into 4,096-byte chunks:
/// <c>chunk_count = ceil(file_length / 4096)</c>; chunk <c>i</c> covers bytes
/// <c>[4096·i, min(4096·(i+1), file_length))</c>; the last chunk is zero-padded to 4,096 bytes.
/// The padding is not part of the data: the file length is committed separately (in the data hash
/// and the ownership commitment), so a decoder knows where the data ends.
/// </summary>
public readonly record struct ChunkLayout
{
    /// <summary>Bytes per chunk, the unit of selection, encoding and leaf hashing.</summary>
    public const int ChunkSize = 4096;

    /// <summary>log2(<see cref="ChunkSize"/>).</summary>
    public const int ChunkShift = 12;

    /// <summary>The smallest file the protocol itself accepts: one byte (an empty file has no chunks).</summary>
    public const long DefaultMinimumFileLength = 1;

    /// <summary>The largest file: <see cref="MerkleTree.MaxLeafCount"/> chunks of 4,096 bytes (4 PiB).</summary>
    public const long MaxFileLength = MerkleTree.MaxLeafCount * ChunkSize;

    private ChunkLayout(long fileLength, long chunkCount)
    {
        FileLength = fileLength;
        ChunkCount = chunkCount;
    }

    /// <summary>Length of the original file in bytes (at least 1).</summary>
    public long FileLength { get; }

    /// <summary>Number of chunks, <c>ceil(FileLength / 4096)</c>.</summary>
    public long ChunkCount { get; }

    /// <summary>Data bytes in the last chunk (1 to 4,096).</summary>
    public int LastChunkLength => (int)(FileLength - ((ChunkCount - 1) << ChunkShift));

    /// <summary>Zero bytes appended to the last chunk (0 to 4,095).</summary>
    public int PaddingLength => ChunkSize - LastChunkLength;

    /// <summary>Bytes of a replica file: every chunk stored whole, <c>ChunkCount · 4096</c>.</summary>
    public long ReplicaLength => ChunkCount << ChunkShift;

    /// <summary>
    /// Computes the layout of a file of <paramref name="fileLength"/> bytes.
    /// </summary>
    /// <param name="fileLength">Length of the file in bytes.</param>
    /// <param name="minimumFileLength">The smallest accepted file (a deployment profile may raise it; at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="fileLength"/> is zero, below <paramref name="minimumFileLength"/>, or needs more
    /// than <see cref="MerkleTree.MaxLeafCount"/> chunks; or <paramref name="minimumFileLength"/> is below 1.
    /// </exception>
    public static ChunkLayout ForFile(long fileLength, long minimumFileLength = DefaultMinimumFileLength)
    {
        if (minimumFileLength < 1 || minimumFileLength > MaxFileLength)
        {
            throw Error.OutOfRange(nameof(minimumFileLength), minimumFileLength, $"must be between 1 and {MaxFileLength} bytes");
        }

        if (fileLength <= 0)
        {
            throw Error.OutOfRange(nameof(fileLength), fileLength, "must be at least 1 byte: an empty file has no chunks to prove");
        }

        if (fileLength < minimumFileLength)
        {
            throw Error.OutOfRange(nameof(fileLength), fileLength, $"must be at least the minimum file length of {minimumFileLength} bytes");
        }

        if (fileLength > MaxFileLength)
        {
            throw Error.OutOfRange(
                nameof(fileLength),
                fileLength,
                $"must be at most {MaxFileLength} bytes (chunk count at most MerkleTree.MaxLeafCount = {MerkleTree.MaxLeafCount})");
        }

        return new ChunkLayout(fileLength, ((fileLength - 1) >> ChunkShift) + 1);
    }

    /// <summary>The layout of a replica whose chunk count and file length are already committed; validates both together.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkCount"/> does not match <paramref name="fileLength"/>.</exception>
    public static ChunkLayout FromCommitted(long fileLength, long chunkCount)
    {
        ChunkLayout layout = ForFile(fileLength);
        if (layout.ChunkCount != chunkCount)
        {
            throw Error.OutOfRange(nameof(chunkCount), chunkCount, $"must be ceil({fileLength} / {ChunkSize}) = {layout.ChunkCount}");
        }

        return layout;
    }

    /// <summary>Byte offset of chunk <paramref name="index"/> in the file (and in the replica).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="ChunkCount"/>.</exception>
    public long ChunkOffset(long index)
    {
        ValidateIndex(index);
        return index << ChunkShift;
    }

    /// <summary>Data bytes in chunk <paramref name="index"/>: 4,096, or <see cref="LastChunkLength"/> for the last chunk.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="ChunkCount"/>.</exception>
    public int ChunkDataLength(long index)
    {
        ValidateIndex(index);
        return index == ChunkCount - 1 ? LastChunkLength : ChunkSize;
    }

    /// <summary>Throws when <paramref name="index"/> is not a chunk of this layout.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="ChunkCount"/>.</exception>
    public void ValidateIndex(long index)
    {
        if (index < 0 || index >= ChunkCount)
        {
            throw Error.OutOfRange(nameof(index), index, $"must be a chunk index below the chunk count {ChunkCount}");
        }
    }
}
