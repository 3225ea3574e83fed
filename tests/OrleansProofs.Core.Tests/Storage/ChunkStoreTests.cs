// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Tests.Storage;

/// <summary>
/// Verifies chunk reads (sync and async) return the right 4,096 bytes, bad indices and buffers are
/// rejected with their names, and file handles are released on dispose so the file can be deleted
/// and re-created at once; also that an open store survives its file being deleted (FileShare.Delete).
/// </summary>
public sealed class ChunkStoreTests
{
    private static byte[] Replica(int chunks, int seed)
    {
        byte[] bytes = new byte[chunks * 4096];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task ReadsEveryChunk_SyncAndAsync()
    {
        using TempDirectory dir = new();
        byte[] bytes = Replica(5, 1);
        string path = dir.Write("r.replica", bytes);
        await using ChunkStore store = ChunkStore.Open(path);
        Assert.Equal(5, store.ChunkCount);
        byte[] chunk = new byte[4096];
        for (int i = 0; i < 5; i++)
        {
            store.ReadChunk(i, chunk);
            Assert.Equal(bytes.AsSpan(i * 4096, 4096).ToArray(), chunk);
            Array.Clear(chunk);
            await store.ReadChunkAsync(i, chunk);
            Assert.Equal(bytes.AsSpan(i * 4096, 4096).ToArray(), chunk);
        }
    }

    [Fact]
    public async Task OutOfRangeIndex_NamesTheIndexAndTheCount()
    {
        using TempDirectory dir = new();
        using ChunkStore store = ChunkStore.Open(dir.Write("r.replica", Replica(3, 2)));
        byte[] chunk = new byte[4096];
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>("index", () => store.ReadChunk(3, chunk));
        Assert.Contains("3", e.Message);
        Assert.Contains("chunk count 3", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>("index", () => store.ReadChunk(-1, chunk));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("index", async () => await store.ReadChunkAsync(7, chunk));
    }

    [Fact]
    public void DestinationOfWrongSize_IsRejected()
    {
        using TempDirectory dir = new();
        using ChunkStore store = ChunkStore.Open(dir.Write("r.replica", Replica(1, 3)));
        Assert.Throws<ArgumentException>("destination", () => store.ReadChunk(0, new byte[4095]));
        Assert.Throws<ArgumentException>("destination", () => store.ReadChunk(0, new byte[4097]));
    }

    [Fact]
    public void FileThatIsNotWholeChunks_OrNotTheCommittedCount_IsRejected()
    {
        using TempDirectory dir = new();
        Assert.Throws<InvalidDataException>(() => ChunkStore.Open(dir.Write("short.replica", new byte[4095])));
        Assert.Throws<InvalidDataException>(() => ChunkStore.Open(dir.Write("empty.replica", [])));
        string path = dir.Write("two.replica", Replica(2, 4));
        Assert.Throws<InvalidDataException>(() => ChunkStore.Open(path, expectedChunkCount: 3));
        using ChunkStore ok = ChunkStore.Open(path, expectedChunkCount: 2);
        Assert.Equal(2, ok.ChunkCount);
    }

    [Fact]
    public void AfterDispose_TheFileCanBeDeletedAndRecreatedAtOnce()
    {
        using TempDirectory dir = new();
        string path = dir.Write("r.replica", Replica(2, 5));
        ChunkStore store = ChunkStore.Open(path);
        byte[] chunk = new byte[4096];
        store.ReadChunk(1, chunk);
        store.Dispose();
        Assert.True(store.IsDisposed);

        File.Delete(path);
        Assert.False(File.Exists(path));

        // Re-create under the same name with other content and read it through a new store.
        byte[] replacement = Replica(1, 6);
        File.WriteAllBytes(path, replacement);
        using ChunkStore again = ChunkStore.Open(path);
        again.ReadChunk(0, chunk);
        Assert.Equal(replacement, chunk);
    }

    [Fact]
    public async Task ReadAfterDispose_ThrowsObjectDisposed()
    {
        using TempDirectory dir = new();
        ChunkStore store = ChunkStore.Open(dir.Write("r.replica", Replica(1, 7)));
        await store.DisposeAsync();
        byte[] chunk = new byte[4096];
        Assert.Throws<ObjectDisposedException>(() => store.ReadChunk(0, chunk));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.ReadChunkAsync(0, chunk));
    }

    [Fact]
    public void DeletingTheFileWhileOpen_IsAllowed_AndReadsStillWork()
    {
        using TempDirectory dir = new();
        byte[] bytes = Replica(2, 8);
        string path = dir.Write("r.replica", bytes);
        using ChunkStore store = ChunkStore.Open(path);

        // FileShare.Delete lets another party remove the name while the store holds the handle.
        File.Delete(path);
        Assert.False(File.Exists(path));

        byte[] chunk = new byte[4096];
        if (OperatingSystem.IsWindows())
        {
            // Windows keeps the file pending deletion until the last handle closes; reads may still succeed.
            return;
        }

        // POSIX: the inode lives until the handle closes, so the open store still reads its data.
        store.ReadChunk(1, chunk);
        Assert.Equal(bytes.AsSpan(4096, 4096).ToArray(), chunk);
    }

    [Fact]
    public void TwoStoresMayReadTheSameFile()
    {
        using TempDirectory dir = new();
        byte[] bytes = Replica(1, 9);
        string path = dir.Write("r.replica", bytes);
        using ChunkStore first = ChunkStore.Open(path);
        using ChunkStore second = ChunkStore.Open(path);
        byte[] a = new byte[4096];
        byte[] b = new byte[4096];
        first.ReadChunk(0, a);
        second.ReadChunk(0, b);
        Assert.Equal(a, b);
    }
}
