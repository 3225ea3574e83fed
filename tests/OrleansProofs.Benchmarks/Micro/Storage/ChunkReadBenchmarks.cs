// SPDX-License-Identifier: MIT

using System.IO.MemoryMappedFiles;
using BenchmarkDotNet.Attributes;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Benchmarks.Micro.Storage;

/// <summary>
/// Reading one random 4,096-byte chunk of a 64 MiB replica into a caller buffer: the production
/// <see cref="ChunkStore"/> (SafeFileHandle + RandomAccess positional read, baseline) against a
/// memory-mapped view accessor over the same file. The file sits in the page cache after setup,
/// so this measures the per-read software cost, not the disk.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Storage")]
public class ChunkReadBenchmarks
{
    private const int Chunks = 16 * 1024;
    private const int Reads = 256;

    private readonly byte[] _destination = new byte[ChunkLayout.ChunkSize];
    private string _path = "";
    private long[] _indices = [];
    private ChunkStore? _store;
    private MemoryMappedFile? _map;
    private MemoryMappedViewAccessor? _view;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"posc-bench-{Environment.ProcessId}.replica");
        byte[] block = new byte[1 << 20];
        new Random(42).NextBytes(block);
        using (FileStream stream = File.Create(_path))
        {
            for (int i = 0; i < Chunks * ChunkLayout.ChunkSize / block.Length; i++)
            {
                stream.Write(block);
            }
        }

        Random random = new(7);
        _indices = Enumerable.Range(0, Reads).Select(_ => (long)random.Next(Chunks)).ToArray();
        _store = ChunkStore.Open(_path);
        _map = MemoryMappedFile.CreateFromFile(_path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _view?.Dispose();
        _map?.Dispose();
        _store?.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    public void RandomAccessRead()
    {
        foreach (long index in _indices)
        {
            _store!.ReadChunk(index, _destination);
        }
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public async Task RandomAccessReadAsync()
    {
        foreach (long index in _indices)
        {
            await _store!.ReadChunkAsync(index, _destination);
        }
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public void MemoryMappedRead()
    {
        // SafeBuffer.ReadSpan: a bounds-checked copy straight out of the mapped view.
        foreach (long index in _indices)
        {
            _view!.SafeMemoryMappedViewHandle.ReadSpan((ulong)(_view.PointerOffset + (index * ChunkLayout.ChunkSize)), _destination.AsSpan());
        }
    }
}
