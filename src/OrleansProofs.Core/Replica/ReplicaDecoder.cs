// SPDX-License-Identifier: MIT

using System.Buffers;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Replica;

/// <summary>
/// Restores original bytes from a replica. Decoding chunk <c>i</c> needs only stored chunks
/// <c>i − 1</c> and <c>i</c>, so single chunks decode at random and whole files decode in parallel
/// (the chunks of a batch are decoded concurrently); every stored chunk is checked against the
/// committed replica root and the result against the committed data hash.
/// </summary>
public static class ReplicaDecoder
{
    /// <summary>
    /// Reads stored chunk <paramref name="index"/> (and its predecessor, which its words are chained to) from
    /// <paramref name="store"/> and writes the plain 4,096-byte chunk (the last one with its zero
    /// padding) to <paramref name="plainChunk"/>. Allocation-free.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below the store's chunk count.</exception>
    /// <exception cref="ArgumentException"><paramref name="plainChunk"/> is not 4,096 bytes.</exception>
    public static void ReadPlainChunk(ChunkStore store, ReplicaCodec codec, long index, Span<byte> plainChunk)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(codec);
        Span<byte> previous = stackalloc byte[ChunkLayout.ChunkSize];
        if (index > 0 && index < store.ChunkCount)
        {
            store.ReadChunk(index - 1, previous);
        }

        store.ReadChunk(index, plainChunk);
        codec.Decode(index, index == 0 ? [] : previous, plainChunk, plainChunk);
    }

    /// <summary>
    /// Decodes the whole replica at <paramref name="replicaPath"/> into <paramref name="outputPath"/>
    /// (which must not exist), checking the replica root and the data hash in <paramref name="info"/>.
    /// Written under a <c>.partial</c> name and renamed only when both check out.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="info"/> has an unsupported encoding version or an inconsistent chunk count.</exception>
    /// <exception cref="InvalidDataException">The replica does not match the committed root, or decodes to other data.</exception>
    /// <exception cref="IOException">The output file already exists.</exception>
    public static void DecodeFile(string replicaPath, string outputPath, ProverPublicKey prover, ReplicaInfo info)
    {
        ArgumentException.ThrowIfNullOrEmpty(replicaPath);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        ArgumentNullException.ThrowIfNull(info);
        if (info.EncodingVersion != ReplicaCodec.EncodingVersion)
        {
            throw Error.Invalid(nameof(info), $"encoding version {info.EncodingVersion} is not supported (this build decodes version {ReplicaCodec.EncodingVersion}).");
        }

        ChunkLayout layout = ChunkLayout.FromCommitted(info.FileLength, info.TotalChunks);
        ReplicaCodec codec = new(prover, info.DataHash, info.WorkFactor);
        string partial = outputPath + ".partial";
        if (File.Exists(outputPath) || File.Exists(partial))
        {
            throw new IOException($"Output file '{outputPath}' already exists.");
        }

        // stored[0] holds the last stored chunk of the previous batch; stored[1..] this batch.
        const int Size = ChunkLayout.ChunkSize;
        byte[] stored = ArrayPool<byte>.Shared.Rent((ReplicaEncoder.BatchChunks + 1) * Size);
        byte[] plain = ArrayPool<byte>.Shared.Rent(ReplicaEncoder.BatchChunks * Size);
        try
        {
            using (ChunkStore store = ChunkStore.Open(replicaPath, info.TotalChunks))
            using (FileStream output = new(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            using (DataHasher dataHasher = new(info.FileLength))
            {
                StreamingMerkleBuilder tree = new();
                for (long first = 0; first < layout.ChunkCount; first += ReplicaEncoder.BatchChunks)
                {
                    int chunks = (int)Math.Min(ReplicaEncoder.BatchChunks, layout.ChunkCount - first);
                    for (int c = 1; c <= chunks; c++)
                    {
                        Span<byte> chunk = stored.AsSpan(c * Size, Size);
                        store.ReadChunk(first + c - 1, chunk);
                        tree.Add(TaggedHash.Compute(DomainTags.Leaf, chunk));
                    }

                    // Chunk c needs only stored chunks c − 1 and c: the chunks decode independently.
                    long batchFirst = first;
                    Parallel.For(1, chunks + 1, c =>
                    {
                        long index = batchFirst + c - 1;
                        ReadOnlySpan<byte> previous = index == 0 ? [] : stored.AsSpan((c - 1) * Size, Size);
                        codec.Decode(index, previous, stored.AsSpan(c * Size, Size), plain.AsSpan((c - 1) * Size, Size));
                    });

                    int dataBytes = (int)(Math.Min((first + chunks) << ChunkLayout.ChunkShift, layout.FileLength) - (first << ChunkLayout.ChunkShift));
                    dataHasher.Append(plain.AsSpan(0, dataBytes));
                    output.Write(plain, 0, dataBytes);
                    stored.AsSpan(chunks * Size, Size).CopyTo(stored);
                }

                Hash32 root = tree.ComputeRoot();
                if (root != info.ReplicaRoot)
                {
                    throw new InvalidDataException($"Replica '{replicaPath}' has root {root}, not the committed {info.ReplicaRoot}.");
                }

                Hash32 dataHash = dataHasher.Finish();
                if (dataHash != info.DataHash)
                {
                    throw new InvalidDataException($"Replica '{replicaPath}' decodes to data hash {dataHash}, not the committed {info.DataHash}.");
                }

                output.Flush(flushToDisk: true);
            }

            File.Move(partial, outputPath, overwrite: false);
        }
        catch
        {
            ReplicaEncoder.DeleteQuietly(partial);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored);
            ArrayPool<byte>.Shared.Return(plain);
        }
    }
}
