// SPDX-License-Identifier: MIT
//  v1 ".hashchain" format of the earlier prototype (DIG-Network/proof-of-space-continuity, be77690)
//      All integers big-endian. Header 256 bytes = 224 bytes of fields + SHA-256 checksum of them,
//      then u32 node_count and node_count 32-byte leaf hashes, then append-only commitment records,
//      then a 12-byte footer (u64 total file size, u32 fixed CRC value 0xDEADBEEF).
//  Reference: docs/migration-legacy-format.md

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// Constants and field offsets of the v1 <c>.hashchain</c> format, exactly as the earlier prototype
/// wrote it. Only the readers and fixtures of the legacy migration path use them; the current
/// protocol has its own constants.
/// </summary>
public static class LegacyFormat
{
    /// <summary>The four magic bytes, ASCII <c>"HCHN"</c>.</summary>
    public static ReadOnlySpan<byte> Magic => "HCHN"u8;

    /// <summary>The only format version this reader accepts.</summary>
    public const uint FormatVersion = 1;

    /// <summary>Size of the header including its checksum.</summary>
    public const int HeaderSize = 256;

    /// <summary>Size of the checksummed header fields (the checksum covers bytes 0..224).</summary>
    public const int HeaderFieldsSize = 224;

    /// <summary>Chunk size of every v1 file.</summary>
    public const int ChunkSize = 4096;

    /// <summary>Chunks selected per block by v1 chunk selection.</summary>
    public const int ChunksPerBlock = 4;

    /// <summary>Draw attempts per slot before v1 selection falls back to the smallest unused index.</summary>
    public const int SelectionAttempts = 16;

    /// <summary>The smallest chunk count v1 chunk selection accepts (it always selects 4 distinct chunks).</summary>
    public const ulong MinimumSelectableChunks = ChunksPerBlock;

    /// <summary>The largest chunk count a v1 chain may have (HASHCHAIN_MAX_CHUNKS, 4 GiB of data).</summary>
    public const ulong MaxChunks = 1_048_576;

    /// <summary>Size of the footer: u64 total file size and u32 CRC.</summary>
    public const int FooterSize = 12;

    /// <summary>The CRC value v1 always wrote: a fixed value, never a real CRC.</summary>
    public const uint FooterFixedCrc = 0xDEADBEEF;

    /// <summary>Offset of the u32 node (leaf) count that follows the header.</summary>
    public const int NodeCountOffset = HeaderSize;

    /// <summary>Offset of the first leaf hash.</summary>
    public const int LeafTableOffset = HeaderSize + 4;

    /// <summary>
    /// Initial heights stored as a plain u64 are below this bound; an 8-byte value at or above it is
    /// read as the bit pattern of an IEEE-754 double (the other historical encoding). The ranges are
    /// disjoint: any f64 ≥ 1.0 has bits ≥ 0x3FF0_0000_0000_0000.
    /// </summary>
    public const ulong UInt64HeightBound = 1UL << 53;

    /// <summary>Size of a commitment record's fixed part before the index list: f64 height, prev, block hash, u32 k.</summary>
    public const int RecordPrefixSize = 8 + 32 + 32 + 4;

    /// <summary>Size in bytes of a commitment record with <paramref name="indexCount"/> indices and <paramref name="hashCount"/> chunk hashes.</summary>
    public static long RecordSize(long indexCount, long hashCount) => RecordPrefixSize + (4 * indexCount) + 4 + (32 * hashCount) + 32;

    /// <summary>Header field offsets (bytes from the start of the file).</summary>
    public static class Offsets
    {
        /// <summary><c>magic</c>, 4 bytes.</summary>
        public const int Magic = 0;

        /// <summary><c>format_version</c>, u32.</summary>
        public const int FormatVersion = 4;

        /// <summary><c>data_file_hash</c>, 32 bytes.</summary>
        public const int DataFileHash = 8;

        /// <summary><c>merkle_root</c>, 32 bytes.</summary>
        public const int MerkleRoot = 40;

        /// <summary><c>total_chunks</c>, u64.</summary>
        public const int TotalChunks = 72;

        /// <summary><c>chunk_size</c>, u32.</summary>
        public const int ChunkSize = 80;

        /// <summary><c>data_file_path_hash</c>, 32 bytes.</summary>
        public const int DataFilePathHash = 84;

        /// <summary><c>anchored_commitment</c>, 32 bytes.</summary>
        public const int AnchoredCommitment = 116;

        /// <summary><c>chain_length</c>, u32.</summary>
        public const int ChainLength = 148;

        /// <summary><c>public_key</c>, 32 bytes.</summary>
        public const int PublicKey = 152;

        /// <summary><c>initial_block_height</c>, 8 bytes (u64 or f64 bits).</summary>
        public const int InitialBlockHeight = 184;

        /// <summary><c>initial_block_hash</c>, 32 bytes.</summary>
        public const int InitialBlockHash = 192;

        /// <summary><c>header_checksum</c>, 32 bytes.</summary>
        public const int HeaderChecksum = 224;
    }

    /// <summary>The header fields in file order, with offset and size, for naming the field a truncation hits.</summary>
    internal static readonly (string Name, int Offset, int Size)[] HeaderFields =
    [
        ("magic", Offsets.Magic, 4),
        ("format_version", Offsets.FormatVersion, 4),
        ("data_file_hash", Offsets.DataFileHash, 32),
        ("merkle_root", Offsets.MerkleRoot, 32),
        ("total_chunks", Offsets.TotalChunks, 8),
        ("chunk_size", Offsets.ChunkSize, 4),
        ("data_file_path_hash", Offsets.DataFilePathHash, 32),
        ("anchored_commitment", Offsets.AnchoredCommitment, 32),
        ("chain_length", Offsets.ChainLength, 4),
        ("public_key", Offsets.PublicKey, 32),
        ("initial_block_height", Offsets.InitialBlockHeight, 8),
        ("initial_block_hash", Offsets.InitialBlockHash, 32),
        ("header_checksum", Offsets.HeaderChecksum, 32),
    ];
}
