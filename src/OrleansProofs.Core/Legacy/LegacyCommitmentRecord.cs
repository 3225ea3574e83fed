// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// One append-only commitment record of a v1 <c>.hashchain</c> file, as stored:
/// <c>f64be(block_height) ‖ prev(32) ‖ block_hash(32) ‖ be32(k) ‖ k × be32 index ‖ be32(m) ‖ m × 32-byte chunk hash ‖ commitment_hash(32)</c>.
/// </summary>
/// <param name="BlockHeightBits">The 8 height bytes as a big-endian u64: the bits of an IEEE-754 double.</param>
/// <param name="PreviousCommitment">The previous record's commitment hash, or the anchored commitment for the first record.</param>
/// <param name="BlockHash">The block hash the chunks were selected from.</param>
/// <param name="ChunkIndices">Selected chunk indices in selection order (v1: 4).</param>
/// <param name="ChunkHashes">SHA-256 of each selected chunk read as 4,096 zero-padded bytes (v1: 4).</param>
/// <param name="CommitmentHash">SHA-256(prev ‖ block_hash ‖ be32 indices ‖ chunk hashes).</param>
public sealed record LegacyCommitmentRecord(
    ulong BlockHeightBits,
    Hash32 PreviousCommitment,
    Hash32 BlockHash,
    ImmutableArray<uint> ChunkIndices,
    ImmutableArray<Hash32> ChunkHashes,
    Hash32 CommitmentHash)
{
    /// <summary>Zero-based position of the record in the file; -1 for a record not read from a file.</summary>
    public long Index { get; init; } = -1;

    /// <summary>Byte offset of the record in the file; -1 for a record not read from a file.</summary>
    public long Offset { get; init; } = -1;

    /// <summary>The stored height as a double (v1 wrote heights as JavaScript numbers).</summary>
    public double BlockHeight => BitConverter.UInt64BitsToDouble(BlockHeightBits);

    /// <summary>Encoded size of the record in bytes.</summary>
    public long EncodedSize => LegacyFormat.RecordSize(ChunkIndices.Length, ChunkHashes.Length);

    /// <summary>The height field v1 writes for <paramref name="height"/>: the bits of <c>(double)height</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> is above 2^53, where doubles stop being exact.</exception>
    public static ulong EncodeHeight(ulong height)
    {
        if (height > LegacyFormat.UInt64HeightBound)
        {
            throw Error.OutOfRange(nameof(height), height, "must be at most 2^53 to be stored exactly as a double");
        }

        return BitConverter.DoubleToUInt64Bits(height);
    }

    /// <summary>Value equality over every field, the index and hash lists compared element by element.</summary>
    public bool Equals(LegacyCommitmentRecord? other) =>
        other is not null
        && BlockHeightBits == other.BlockHeightBits
        && PreviousCommitment == other.PreviousCommitment
        && BlockHash == other.BlockHash
        && ChunkIndices.AsSpan().SequenceEqual(other.ChunkIndices.AsSpan())
        && ChunkHashes.AsSpan().SequenceEqual(other.ChunkHashes.AsSpan())
        && CommitmentHash == other.CommitmentHash
        && Index == other.Index
        && Offset == other.Offset;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BlockHeightBits, BlockHash, CommitmentHash, Index);

    /// <summary>True when the stored height is an exact non-negative integer, returned in <paramref name="height"/>.</summary>
    public bool TryGetIntegralHeight(out ulong height) => LegacyHashChainHeader.TryDecodeIntegralDouble(BlockHeightBits, out height);

    /// <summary>Writes the record's bytes to <paramref name="destination"/>, which must be exactly <see cref="EncodedSize"/> long.</summary>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length != EncodedSize)
        {
            throw Error.WrongLength(nameof(destination), checked((int)EncodedSize), destination.Length);
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, BlockHeightBits);
        PreviousCommitment.CopyTo(destination[8..]);
        BlockHash.CopyTo(destination[40..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination[72..], (uint)ChunkIndices.Length);
        int position = LegacyFormat.RecordPrefixSize;
        foreach (uint index in ChunkIndices)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[position..], index);
            position += 4;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination[position..], (uint)ChunkHashes.Length);
        position += 4;
        foreach (Hash32 hash in ChunkHashes)
        {
            hash.CopyTo(destination[position..]);
            position += Hash32.Size;
        }

        CommitmentHash.CopyTo(destination[position..]);
    }
}
