// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;

namespace OrleansProofs.Core.Legacy;

/// <summary>Which check of <see cref="LegacyChainVerifier"/> failed.</summary>
public enum LegacyFailureKind
{
    /// <summary>The <c>.hashchain</c> file could not be parsed (details in Field and Offset; nothing after it was read).</summary>
    Format,

    /// <summary>The header checksum is not SHA-256 of header bytes 0..224.</summary>
    HeaderChecksum,

    /// <summary>The <c>.data</c> file is not <c>total_chunks × 4096</c> bytes.</summary>
    DataFileSize,

    /// <summary>SHA-256 of the original (unpadded) data differs from <c>data_file_hash</c>.</summary>
    DataHash,

    /// <summary>A stored leaf hash differs from SHA-256 of the data's (unpadded) chunk.</summary>
    LeafHash,

    /// <summary>The v1 Merkle root over the data's chunks differs from <c>merkle_root</c>.</summary>
    MerkleRoot,

    /// <summary>The anchored commitment recomputed from data hash, key and initial block differs from the header.</summary>
    AnchoredCommitment,

    /// <summary>The header's <c>chain_length</c> differs from the number of records in the file.</summary>
    ChainLength,

    /// <summary>A record's height is not the next height (<c>initial + record index + 1</c>) or not an exact integer.</summary>
    Height,

    /// <summary>A record's <c>prev</c> is not the previous commitment (the anchored commitment for the first).</summary>
    PreviousCommitment,

    /// <summary>A record does not list exactly 4 indices and 4 chunk hashes.</summary>
    ChunkCount,

    /// <summary>A record's indices are not the v1 selection recomputed from its block hash and the chunk count.</summary>
    Selection,

    /// <summary>A record's chunk hash differs from SHA-256 of that chunk (4,096 zero-padded bytes) in the data file.</summary>
    ChunkHash,

    /// <summary>A record's commitment hash differs from the v1 physical-access hash of its fields.</summary>
    CommitmentHash,
}

/// <summary>One failed check: what, where (record, height, field, file offset) and expected vs actual.</summary>
/// <param name="Kind">Which check failed.</param>
/// <param name="Field">The field, e.g. <c>header_checksum</c>, <c>leaf_hashes[2]</c>, <c>record[3].commitment_hash</c>.</param>
/// <param name="Expected">The value the check expected (hex for hashes, decimal for numbers).</param>
/// <param name="Actual">The value found.</param>
/// <param name="RecordIndex">Zero-based record index, for record checks.</param>
/// <param name="BlockHeight">The height the record should carry (<c>initial + index + 1</c>), for record checks.</param>
/// <param name="Offset">Byte offset of the field in the <c>.hashchain</c> file, where there is one.</param>
/// <param name="FormatError">For <see cref="LegacyFailureKind.Format"/>: the parse error.</param>
/// <param name="Detail">A human explanation where expected/actual alone are not enough.</param>
public sealed record LegacyVerificationFailure(
    LegacyFailureKind Kind,
    string Field,
    string Expected,
    string Actual,
    long? RecordIndex = null,
    ulong? BlockHeight = null,
    long? Offset = null,
    LegacyFormatError? FormatError = null,
    string? Detail = null)
{
    /// <summary>One line for logs and operator output.</summary>
    public override string ToString()
    {
        StringBuilder text = new();
        text.Append(CultureInfo.InvariantCulture, $"{Kind}: {Field}");
        if (FormatError is LegacyFormatError error)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{error}]");
        }

        if (RecordIndex is long index)
        {
            text.Append(CultureInfo.InvariantCulture, $" (record {index}");
            if (BlockHeight is ulong height)
            {
                text.Append(CultureInfo.InvariantCulture, $", height {height}");
            }

            text.Append(')');
        }

        if (Offset is long offset)
        {
            text.Append(CultureInfo.InvariantCulture, $" at offset {offset}");
        }

        text.Append(CultureInfo.InvariantCulture, $": expected {Expected}, actual {Actual}");
        if (Detail is not null)
        {
            text.Append(" — ").Append(Detail);
        }

        return text.ToString();
    }
}
