// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Merkle;
using OrleansProofs.Core.Signatures;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Core.Replica;

/// <summary>
/// The CPU side of one streaming encode, shared by the synchronous and asynchronous file loops:
/// per batch of plain chunks it appends the data bytes to the data hash, encodes each chunk in
/// place (chained to the previous leaf), hashes the leaf, and feeds the tree and the sidecar.
/// </summary>
internal sealed class ReplicaEncodingSession : IDisposable
{
    private readonly ReplicaCodec _codec;
    private readonly DataHasher _dataHasher;
    private readonly StreamingMerkleBuilder _tree = new();
    private readonly ReplicaLeafWriter? _leaves;
    private readonly byte[] _previous = new byte[ChunkLayout.ChunkSize];
    private long _nextChunk;

    internal ReplicaEncodingSession(ChunkLayout layout, ProverPublicKey prover, in Hash32 dataHash, uint workFactor, ReplicaLeafWriter? leaves)
    {
        Layout = layout;
        _codec = new ReplicaCodec(prover, dataHash, workFactor);
        _dataHasher = new DataHasher(layout.FileLength);
        _leaves = leaves;
    }

    internal ChunkLayout Layout { get; }

    internal long NextChunk => _nextChunk;

    /// <summary>Data bytes the next batch of <paramref name="maxChunks"/> chunks holds.</summary>
    internal int DataBytesOfNextBatch(int maxChunks, out int chunks)
    {
        chunks = (int)Math.Min(maxChunks, Layout.ChunkCount - _nextChunk);
        long end = _nextChunk + chunks;
        return (int)(Math.Min(end << ChunkLayout.ChunkShift, Layout.FileLength) - (_nextChunk << ChunkLayout.ChunkShift));
    }

    /// <summary>
    /// Encodes, in place, a batch holding <paramref name="dataBytes"/> plain bytes of the next
    /// <paramref name="chunks"/> chunks; zero-fills the last chunk's padding first.
    /// </summary>
    internal void EncodeBatch(Span<byte> batch, int chunks, int dataBytes)
    {
        _dataHasher.Append(batch[..dataBytes]);
        batch[dataBytes..(chunks * ChunkLayout.ChunkSize)].Clear();
        for (int c = 0; c < chunks; c++)
        {
            Span<byte> chunk = batch.Slice(c * ChunkLayout.ChunkSize, ChunkLayout.ChunkSize);
            ReadOnlySpan<byte> previous =
                _nextChunk == 0 ? [] :
                c == 0 ? _previous :
                batch.Slice((c - 1) * ChunkLayout.ChunkSize, ChunkLayout.ChunkSize);
            _codec.Encode(_nextChunk, previous, chunk, chunk);
            Hash32 leaf = TaggedHash.Compute(DomainTags.Leaf, chunk);
            _tree.Add(leaf);
            _leaves?.Append(leaf);
            _nextChunk++;
        }

        batch.Slice((chunks - 1) * ChunkLayout.ChunkSize, ChunkLayout.ChunkSize).CopyTo(_previous);
    }

    /// <summary>Checks the data hash, completes the sidecar and returns what was produced.</summary>
    /// <exception cref="InvalidDataException">The input's data hash is not the one the key was derived from.</exception>
    internal ReplicaInfo Complete()
    {
        Hash32 dataHash = _dataHasher.Finish();
        if (dataHash != _codec.DataHash)
        {
            throw new InvalidDataException(
                $"The input's data hash is {dataHash} but the encoding was keyed by {_codec.DataHash}: the input changed while encoding, or the given data hash is wrong.");
        }

        Hash32 root = _tree.ComputeRoot();
        if (_leaves is not null && _leaves.Complete() != root)
        {
            throw new InvalidOperationException("The leaf sidecar's root differs from the encoder's root.");
        }

        return new ReplicaInfo(dataHash, root, Layout.ChunkCount, Layout.FileLength, ReplicaCodec.EncodingVersion, _codec.WorkFactor);
    }

    public void Dispose() => _dataHasher.Dispose();
}
