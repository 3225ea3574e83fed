// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Tests.Storage;

/// <summary>Verifies chunk counting, last-chunk padding, offsets and the size limits of <see cref="ChunkLayout"/>.</summary>
public sealed class ChunkLayoutTests
{
    [Theory]
    [InlineData(1L, 1L, 1, 4095)]
    [InlineData(4095L, 1L, 4095, 1)]
    [InlineData(4096L, 1L, 4096, 0)]
    [InlineData(4097L, 2L, 1, 4095)]
    [InlineData(3 * 4096 + 1L, 4L, 1, 4095)]
    [InlineData(5000L, 2L, 904, 3192)]
    public void CountsChunksAndPadding(long length, long chunks, int lastLength, int padding)
    {
        ChunkLayout layout = ChunkLayout.ForFile(length);
        Assert.Equal(chunks, layout.ChunkCount);
        Assert.Equal(lastLength, layout.LastChunkLength);
        Assert.Equal(padding, layout.PaddingLength);
        Assert.Equal(chunks * 4096, layout.ReplicaLength);
        Assert.Equal(lastLength, layout.ChunkDataLength(chunks - 1));
        Assert.Equal((chunks - 1) * 4096, layout.ChunkOffset(chunks - 1));
        if (chunks > 1)
        {
            Assert.Equal(4096, layout.ChunkDataLength(0));
        }
    }

    [Fact]
    public void ZeroLengthFile_IsRejected_NamingTheParameter()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>("fileLength", () => ChunkLayout.ForFile(0));
        Assert.Contains("at least 1 byte", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>("fileLength", () => ChunkLayout.ForFile(-1));
    }

    [Fact]
    public void FileBelowConfiguredMinimum_IsRejected_AndTheMinimumItselfIsAccepted()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>("fileLength", () => ChunkLayout.ForFile(65_535, minimumFileLength: 65_536));
        Assert.Contains("minimum file length of 65536", e.Message);
        Assert.Equal(16, ChunkLayout.ForFile(65_536, minimumFileLength: 65_536).ChunkCount);
        Assert.Throws<ArgumentOutOfRangeException>("minimumFileLength", () => ChunkLayout.ForFile(10, minimumFileLength: 0));
    }

    [Fact]
    public void ChunkCountAboveMerkleLimit_IsRejected()
    {
        Assert.Equal(MerkleTree.MaxLeafCount, ChunkLayout.ForFile(ChunkLayout.MaxFileLength).ChunkCount);
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>("fileLength", () => ChunkLayout.ForFile(ChunkLayout.MaxFileLength + 1));
        Assert.Contains("MaxLeafCount", e.Message);
    }

    [Fact]
    public void IndexOutsideTheFile_IsRejected_NamingIndexAndCount()
    {
        ChunkLayout layout = ChunkLayout.ForFile(3 * 4096 + 1);
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>("index", () => layout.ChunkOffset(4));
        Assert.Contains("chunk count 4", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>("index", () => layout.ChunkDataLength(-1));
    }

    [Fact]
    public void CommittedChunkCount_MustMatchTheLength()
    {
        Assert.Equal(2, ChunkLayout.FromCommitted(5000, 2).ChunkCount);
        Assert.Throws<ArgumentOutOfRangeException>("chunkCount", () => ChunkLayout.FromCommitted(5000, 3));
    }
}
