// SPDX-License-Identifier: MIT

using System.Buffers;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Replica;

/// <summary>
/// Streams an original file (or the first bytes of a stream) into a prover's replica file and its leaf sidecar, with bounded
/// buffers (<see cref="BatchChunks"/> chunks), computing the data hash (re-checked), the leaf hashes
/// and the replica root in the same pass. Outputs are written under <c>.partial</c> names, flushed
/// to disk, and renamed only when everything checks out; on any failure nothing is left behind.
/// </summary>
public static class ReplicaEncoder
{
    /// <summary>Chunks per read/encode/write batch (256 KiB).</summary>
    public const int BatchChunks = 64;

    private const string PartialSuffix = ".partial";

    /// <summary>Encodes <paramref name="inputPath"/> into <paramref name="replicaPath"/> for <paramref name="prover"/>.</summary>
    /// <exception cref="ArgumentException">A path is empty, or the input is empty or below the minimum size (<see cref="ChunkLayout.ForFile"/>).</exception>
    /// <exception cref="IOException">An output file already exists.</exception>
    /// <exception cref="InvalidDataException">The input changed while encoding, or <see cref="ReplicaEncodeOptions.DataHash"/> is wrong.</exception>
    public static ReplicaInfo EncodeFile(string inputPath, string replicaPath, ProverPublicKey prover, uint workFactor = ReplicaCodec.DefaultWorkFactor, ReplicaEncodeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        string leafPath = Prepare(replicaPath, workFactor, options);
        ChunkLayout layout = ChunkLayout.ForFile(new FileInfo(inputPath).Length, options?.MinimumFileLength ?? ChunkLayout.DefaultMinimumFileLength);
        Hash32 dataHash = options?.DataHash ?? DataHash.Compute(inputPath);
        using FileStream input = DataHash.OpenSequential(inputPath);
        return EncodeCore(input, layout, dataHash, replicaPath, leafPath, prover, workFactor);
    }

    /// <summary>Encodes <paramref name="inputPath"/> into <paramref name="replicaPath"/> for <paramref name="prover"/>, with asynchronous file I/O.</summary>
    /// <exception cref="ArgumentException">A path is empty, or the input is empty or below the minimum size (<see cref="ChunkLayout.ForFile"/>).</exception>
    /// <exception cref="IOException">An output file already exists.</exception>
    /// <exception cref="InvalidDataException">The input changed while encoding, or <see cref="ReplicaEncodeOptions.DataHash"/> is wrong.</exception>
    public static async Task<ReplicaInfo> EncodeFileAsync(
        string inputPath,
        string replicaPath,
        ProverPublicKey prover,
        uint workFactor = ReplicaCodec.DefaultWorkFactor,
        ReplicaEncodeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        string leafPath = Prepare(replicaPath, workFactor, options);
        ChunkLayout layout = ChunkLayout.ForFile(new FileInfo(inputPath).Length, options?.MinimumFileLength ?? ChunkLayout.DefaultMinimumFileLength);
        Hash32 dataHash = options?.DataHash ?? await DataHash.ComputeAsync(inputPath, cancellationToken).ConfigureAwait(false);
        await using FileStream input = DataHash.OpenSequential(inputPath, useAsync: true);
        return await EncodeCoreAsync(input, layout, dataHash, replicaPath, leafPath, prover, workFactor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Encodes the next <paramref name="length"/> bytes of <paramref name="input"/> (read once, in
    /// order; the stream may hold more, which is left unread) into <paramref name="replicaPath"/> for
    /// <paramref name="prover"/>. A stream cannot be read twice, so its data hash is a parameter; it is
    /// re-checked during encoding. The caller keeps ownership of the stream.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="replicaPath"/> is empty; <paramref name="length"/> is zero, negative or below the minimum size
    /// (parameter <c>fileLength</c>, <see cref="ChunkLayout.ForFile"/>); or <see cref="ReplicaEncodeOptions.DataHash"/>
    /// is set and differs from <paramref name="dataHash"/> (parameter <c>options</c>).
    /// </exception>
    /// <exception cref="IOException">An output file already exists.</exception>
    /// <exception cref="EndOfStreamException">The stream ends before <paramref name="length"/> bytes.</exception>
    /// <exception cref="InvalidDataException">The bytes read do not have <paramref name="dataHash"/>.</exception>
    public static ReplicaInfo EncodeStream(Stream input, long length, Hash32 dataHash, string replicaPath, ProverPublicKey prover, uint workFactor = ReplicaCodec.DefaultWorkFactor, ReplicaEncodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        (ChunkLayout layout, string leafPath) = PrepareStream(length, dataHash, replicaPath, workFactor, options);
        return EncodeCore(input, layout, dataHash, replicaPath, leafPath, prover, workFactor);
    }

    /// <summary>As <see cref="EncodeStream"/>, reading the stream asynchronously.</summary>
    /// <exception cref="ArgumentException">As <see cref="EncodeStream"/>.</exception>
    /// <exception cref="IOException">An output file already exists.</exception>
    /// <exception cref="EndOfStreamException">The stream ends before <paramref name="length"/> bytes.</exception>
    /// <exception cref="InvalidDataException">The bytes read do not have <paramref name="dataHash"/>.</exception>
    public static Task<ReplicaInfo> EncodeStreamAsync(
        Stream input,
        long length,
        Hash32 dataHash,
        string replicaPath,
        ProverPublicKey prover,
        uint workFactor = ReplicaCodec.DefaultWorkFactor,
        ReplicaEncodeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        (ChunkLayout layout, string leafPath) = PrepareStream(length, dataHash, replicaPath, workFactor, options);
        return EncodeCoreAsync(input, layout, dataHash, replicaPath, leafPath, prover, workFactor, cancellationToken);
    }

    private static ReplicaInfo EncodeCore(Stream input, ChunkLayout layout, Hash32 dataHash, string replicaPath, string leafPath, ProverPublicKey prover, uint workFactor)
    {
        string replicaPartial = replicaPath + PartialSuffix;
        string leafPartial = leafPath + PartialSuffix;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BatchChunks * ChunkLayout.ChunkSize);
        try
        {
            ReplicaInfo info;
            using (FileStream output = CreateOutput(replicaPartial, useAsync: false))
            using (ReplicaLeafWriter leaves = ReplicaLeafWriter.Create(leafPartial, layout.ChunkCount))
            using (ReplicaEncodingSession session = new(layout, prover, dataHash, workFactor, leaves))
            {
                while (session.NextChunk < layout.ChunkCount)
                {
                    int dataBytes = session.DataBytesOfNextBatch(BatchChunks, out int chunks);
                    input.ReadExactly(buffer, 0, dataBytes);
                    session.EncodeBatch(buffer, chunks, dataBytes);
                    output.Write(buffer, 0, chunks * ChunkLayout.ChunkSize);
                }

                info = session.Complete();
                output.Flush(flushToDisk: true);
            }

            Publish(replicaPartial, replicaPath, leafPartial, leafPath);
            return info;
        }
        catch
        {
            DeleteQuietly(replicaPartial, leafPartial);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<ReplicaInfo> EncodeCoreAsync(
        Stream input,
        ChunkLayout layout,
        Hash32 dataHash,
        string replicaPath,
        string leafPath,
        ProverPublicKey prover,
        uint workFactor,
        CancellationToken cancellationToken)
    {
        string replicaPartial = replicaPath + PartialSuffix;
        string leafPartial = leafPath + PartialSuffix;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BatchChunks * ChunkLayout.ChunkSize);
        try
        {
            ReplicaInfo info;
            await using (FileStream output = CreateOutput(replicaPartial, useAsync: true))
            using (ReplicaLeafWriter leaves = ReplicaLeafWriter.Create(leafPartial, layout.ChunkCount))
            using (ReplicaEncodingSession session = new(layout, prover, dataHash, workFactor, leaves))
            {
                while (session.NextChunk < layout.ChunkCount)
                {
                    int dataBytes = session.DataBytesOfNextBatch(BatchChunks, out int chunks);
                    await input.ReadExactlyAsync(buffer.AsMemory(0, dataBytes), cancellationToken).ConfigureAwait(false);
                    session.EncodeBatch(buffer, chunks, dataBytes);
                    await output.WriteAsync(buffer.AsMemory(0, chunks * ChunkLayout.ChunkSize), cancellationToken).ConfigureAwait(false);
                }

                info = session.Complete();
                output.Flush(flushToDisk: true);
            }

            Publish(replicaPartial, replicaPath, leafPartial, leafPath);
            return info;
        }
        catch
        {
            DeleteQuietly(replicaPartial, leafPartial);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks the output path and work factor, and that no output exists; returns the leaf sidecar path.</summary>
    private static string Prepare(string replicaPath, uint workFactor, ReplicaEncodeOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(replicaPath);
        if (workFactor > ReplicaCodec.MaxWorkFactor)
        {
            throw Error.OutOfRange(nameof(workFactor), workFactor, $"must be at most {ReplicaCodec.MaxWorkFactor} iterations per chunk");
        }

        string leafPath = options?.LeafFilePath ?? ReplicaLeafFile.PathFor(replicaPath);
        foreach (string output in (ReadOnlySpan<string>)[replicaPath, leafPath, replicaPath + PartialSuffix, leafPath + PartialSuffix])
        {
            if (File.Exists(output))
            {
                throw new IOException($"Output file '{output}' already exists; a replica is never overwritten in place.");
            }
        }

        return leafPath;
    }

    private static (ChunkLayout Layout, string LeafPath) PrepareStream(long length, Hash32 dataHash, string replicaPath, uint workFactor, ReplicaEncodeOptions? options)
    {
        if (options?.DataHash is Hash32 given && given != dataHash)
        {
            throw Error.Invalid(nameof(options), $"DataHash {given} differs from the dataHash argument {dataHash}; give one data hash.");
        }

        string leafPath = Prepare(replicaPath, workFactor, options);
        ChunkLayout layout = ChunkLayout.ForFile(length, options?.MinimumFileLength ?? ChunkLayout.DefaultMinimumFileLength);
        return (layout, leafPath);
    }

    private static FileStream CreateOutput(string path, bool useAsync) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read | FileShare.Delete,
            BufferSize = 0,
            Options = useAsync ? FileOptions.Asynchronous : FileOptions.None,
        });

    private static void Publish(string replicaPartial, string replicaPath, string leafPartial, string leafPath)
    {
        File.Move(leafPartial, leafPath, overwrite: false);
        try
        {
            File.Move(replicaPartial, replicaPath, overwrite: false);
        }
        catch
        {
            DeleteQuietly(leafPath);
            throw;
        }
    }

    internal static void DeleteQuietly(params ReadOnlySpan<string> paths)
    {
        foreach (string path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort: the original failure is the one the caller needs to see.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }
}
