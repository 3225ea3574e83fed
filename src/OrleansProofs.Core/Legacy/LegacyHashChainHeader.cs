// SPDX-License-Identifier: MIT

using System.Buffers.Binary;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// The 256-byte header of a v1 <c>.hashchain</c> file, decoded. Values are as stored; the header
/// checksum is recomputed on parse (<see cref="ComputedChecksum"/>), everything else is checked by
/// <see cref="LegacyChainVerifier"/>.
/// </summary>
public sealed class LegacyHashChainHeader
{
    private LegacyHashChainHeader()
    {
    }

    /// <summary>Format version (always 1 once parsed).</summary>
    public uint FormatVersion { get; private init; }

    /// <summary>SHA-256 of the original (unpadded) data.</summary>
    public Hash32 DataFileHash { get; private init; }

    /// <summary>rs_merkle root over SHA-256 of each unpadded chunk.</summary>
    public Hash32 MerkleRoot { get; private init; }

    /// <summary>Number of 4,096-byte chunks, 1..1,048,576.</summary>
    public ulong TotalChunks { get; private init; }

    /// <summary>Chunk size (always 4,096 once parsed).</summary>
    public uint ChunkSize { get; private init; }

    /// <summary>SHA-256 of the data file path string the prototype was given; machine-specific, not verifiable elsewhere.</summary>
    public Hash32 DataFilePathHash { get; private init; }

    /// <summary>The anchored commitment: the chain's genesis, the <c>prev</c> of the first record.</summary>
    public Hash32 AnchoredCommitment { get; private init; }

    /// <summary>Number of commitment records the header claims.</summary>
    public uint ChainLength { get; private init; }

    /// <summary>The prover's 32-byte public key.</summary>
    public ProverPublicKey PublicKey { get; private init; }

    /// <summary>The initial block height, decoded from either historical encoding.</summary>
    public ulong InitialBlockHeight { get; private init; }

    /// <summary>Which encoding the file used for <see cref="InitialBlockHeight"/>.</summary>
    public LegacyHeightEncoding InitialBlockHeightEncoding { get; private init; }

    /// <summary>The 8 bytes at offset 184 as a big-endian u64, undecoded.</summary>
    public ulong InitialBlockHeightRaw { get; private init; }

    /// <summary>The initial block hash.</summary>
    public Hash32 InitialBlockHash { get; private init; }

    /// <summary>The checksum stored at offset 224.</summary>
    public Hash32 StoredChecksum { get; private init; }

    /// <summary>SHA-256 of bytes 0..224 as read.</summary>
    public Hash32 ComputedChecksum { get; private init; }

    /// <summary>True when the stored checksum matches the header bytes.</summary>
    public bool IsChecksumValid => StoredChecksum == ComputedChecksum;

    /// <summary>
    /// Decodes a header from <paramref name="bytes"/>: the first 256 bytes of the file, or fewer when
    /// the file is shorter (which is reported as truncation naming the field that is cut).
    /// </summary>
    /// <exception cref="LegacyFormatException">Wrong magic, unsupported version, truncation, checksum mismatch (under
    /// <see cref="LegacyHeaderChecksumPolicy.Enforce"/>), or a field value the format does not allow.</exception>
    public static LegacyHashChainHeader Parse(ReadOnlySpan<byte> bytes, LegacyHeaderChecksumPolicy checksumPolicy = LegacyHeaderChecksumPolicy.Enforce)
    {
        if (bytes.Length < 4)
        {
            throw Truncated(bytes.Length);
        }

        if (!bytes[..4].SequenceEqual(LegacyFormat.Magic))
        {
            string hint = bytes[0] == (byte)'{'
                ? " (this looks like the later JSON header of format 2, which holds no commitments and is not migrated)"
                : bytes[..4].SequenceEqual("HCH2"u8) ? " (format 2 magic; only v1 binary files are supported)" : string.Empty;
            throw new LegacyFormatException(
                LegacyFormatError.WrongMagic,
                "magic",
                LegacyFormat.Offsets.Magic,
                $"expected 4843484e (\"HCHN\"), found {Convert.ToHexStringLower(bytes[..4])}{hint}.",
                "4843484e",
                Convert.ToHexStringLower(bytes[..4]));
        }

        if (bytes.Length < 8)
        {
            throw Truncated(bytes.Length);
        }

        uint version = BinaryPrimitives.ReadUInt32BigEndian(bytes[LegacyFormat.Offsets.FormatVersion..]);
        if (version != LegacyFormat.FormatVersion)
        {
            throw new LegacyFormatException(
                LegacyFormatError.UnsupportedVersion,
                "format_version",
                LegacyFormat.Offsets.FormatVersion,
                $"only version {LegacyFormat.FormatVersion} is supported, found {version}.",
                LegacyFormat.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (bytes.Length < LegacyFormat.HeaderSize)
        {
            throw Truncated(bytes.Length);
        }

        ReadOnlySpan<byte> header = bytes[..LegacyFormat.HeaderSize];
        Hash32 stored = new(header.Slice(LegacyFormat.Offsets.HeaderChecksum, Hash32.Size));
        Hash32 computed = Sha256.Hash(header[..LegacyFormat.HeaderFieldsSize]);
        if (stored != computed && checksumPolicy == LegacyHeaderChecksumPolicy.Enforce)
        {
            throw new LegacyFormatException(
                LegacyFormatError.HeaderChecksumMismatch,
                "header_checksum",
                LegacyFormat.Offsets.HeaderChecksum,
                $"stored {stored} but SHA-256 of header bytes 0..224 is {computed}.",
                computed.ToString(),
                stored.ToString());
        }

        ulong totalChunks = BinaryPrimitives.ReadUInt64BigEndian(header[LegacyFormat.Offsets.TotalChunks..]);
        if (totalChunks is 0 or > LegacyFormat.MaxChunks)
        {
            throw Invalid("total_chunks", LegacyFormat.Offsets.TotalChunks, $"must be 1..{LegacyFormat.MaxChunks}, found {totalChunks}.");
        }

        uint chunkSize = BinaryPrimitives.ReadUInt32BigEndian(header[LegacyFormat.Offsets.ChunkSize..]);
        if (chunkSize != LegacyFormat.ChunkSize)
        {
            throw Invalid("chunk_size", LegacyFormat.Offsets.ChunkSize, $"v1 files use {LegacyFormat.ChunkSize}-byte chunks, found {chunkSize}.");
        }

        ulong rawHeight = BinaryPrimitives.ReadUInt64BigEndian(header[LegacyFormat.Offsets.InitialBlockHeight..]);
        if (!TryDecodeInitialHeight(rawHeight, out ulong height, out LegacyHeightEncoding encoding))
        {
            throw Invalid(
                "initial_block_height",
                LegacyFormat.Offsets.InitialBlockHeight,
                $"0x{rawHeight:x16} is neither a u64 below 2^53 nor the bits of a non-negative integral double.");
        }

        return new LegacyHashChainHeader
        {
            FormatVersion = version,
            DataFileHash = new Hash32(header.Slice(LegacyFormat.Offsets.DataFileHash, Hash32.Size)),
            MerkleRoot = new Hash32(header.Slice(LegacyFormat.Offsets.MerkleRoot, Hash32.Size)),
            TotalChunks = totalChunks,
            ChunkSize = chunkSize,
            DataFilePathHash = new Hash32(header.Slice(LegacyFormat.Offsets.DataFilePathHash, Hash32.Size)),
            AnchoredCommitment = new Hash32(header.Slice(LegacyFormat.Offsets.AnchoredCommitment, Hash32.Size)),
            ChainLength = BinaryPrimitives.ReadUInt32BigEndian(header[LegacyFormat.Offsets.ChainLength..]),
            PublicKey = new ProverPublicKey(header.Slice(LegacyFormat.Offsets.PublicKey, Hash32.Size)),
            InitialBlockHeight = height,
            InitialBlockHeightEncoding = encoding,
            InitialBlockHeightRaw = rawHeight,
            InitialBlockHash = new Hash32(header.Slice(LegacyFormat.Offsets.InitialBlockHash, Hash32.Size)),
            StoredChecksum = stored,
            ComputedChecksum = computed,
        };
    }

    /// <summary>
    /// Decodes the 8 bytes of the initial height. Values below 2^53 are a u64; values at or above are
    /// the bits of a double, which must be finite, non-negative and integral (and at most 2^53, where
    /// doubles stop being exact). The two ranges are disjoint, so no file is ambiguous.
    /// </summary>
    public static bool TryDecodeInitialHeight(ulong raw, out ulong height, out LegacyHeightEncoding encoding)
    {
        if (raw < LegacyFormat.UInt64HeightBound)
        {
            height = raw;
            encoding = LegacyHeightEncoding.UInt64;
            return true;
        }

        encoding = LegacyHeightEncoding.Float64;
        return TryDecodeIntegralDouble(raw, out height);
    }

    /// <summary>True when <paramref name="bits"/> is a finite, non-negative, integral double no larger than 2^53.</summary>
    internal static bool TryDecodeIntegralDouble(ulong bits, out ulong value)
    {
        double d = BitConverter.UInt64BitsToDouble(bits);
        if (double.IsFinite(d) && d >= 0 && d == Math.Floor(d) && d <= LegacyFormat.UInt64HeightBound)
        {
            value = (ulong)d;
            return true;
        }

        value = 0;
        return false;
    }

    private static LegacyFormatException Truncated(int available)
    {
        foreach ((string name, int offset, int size) in LegacyFormat.HeaderFields)
        {
            if (offset + size > available)
            {
                return new LegacyFormatException(
                    LegacyFormatError.TruncatedHeader,
                    name,
                    offset,
                    $"the file has {available} byte(s); the {LegacyFormat.HeaderSize}-byte header needs '{name}' at {offset}..{offset + size}.",
                    LegacyFormat.HeaderSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    available.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidOperationException("Truncated() called with a complete header.");
    }

    private static LegacyFormatException Invalid(string field, int offset, string detail) =>
        new(LegacyFormatError.InvalidField, field, offset, detail);
}
