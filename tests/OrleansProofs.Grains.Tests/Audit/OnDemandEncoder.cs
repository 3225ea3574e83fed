// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansProofs.Core.Storage;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// A cheating prover's store that keeps only the plain data (the same bytes every prover of the file
/// has) and rebuilds a challenged stored chunk when asked. Stored chunk <c>i</c> is encoded from plain
/// chunk <c>i</c> and stored chunk <c>i − 1</c>, so rebuilding it means encoding chunks 0 … i in order:
/// the price the prover-specific encoding puts on not storing the replica. Records what each rebuild took.
/// </summary>
internal sealed class OnDemandEncoder(byte[] plainData, ProverPublicKey prover, uint workFactor)
{
    private readonly ReplicaCodec _codec = new(prover, DataHash.Compute(plainData), workFactor);

    /// <summary>Each rebuild's chunk index and duration, in the order they finished.</summary>
    public ConcurrentQueue<(ulong ChunkIndex, TimeSpan Took)> Rebuilds { get; } = new();

    /// <summary>Rebuilds stored chunk <paramref name="index"/> from the plain data alone.</summary>
    public byte[] Rebuild(ulong index)
    {
        long started = Stopwatch.GetTimestamp();
        byte[] previous = new byte[ChunkLayout.ChunkSize];
        byte[] current = new byte[ChunkLayout.ChunkSize];
        byte[] plain = new byte[ChunkLayout.ChunkSize];
        for (ulong i = 0; i <= index; i++)
        {
            Array.Clear(plain);
            int offset = checked((int)(i * ChunkLayout.ChunkSize));
            plainData.AsSpan(offset, Math.Min(ChunkLayout.ChunkSize, plainData.Length - offset)).CopyTo(plain);
            _codec.EncodeChunk((long)i, i == 0 ? [] : previous, plain, current);
            (previous, current) = (current, previous);
        }

        Rebuilds.Enqueue((index, Stopwatch.GetElapsedTime(started)));
        return previous;
    }
}
