// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Legacy;

/// <summary>What is wrong with a v1 <c>.hashchain</c> file that cannot be parsed.</summary>
public enum LegacyFormatError
{
    /// <summary>The first four bytes are not <c>"HCHN"</c>.</summary>
    WrongMagic,

    /// <summary>The format version is not 1.</summary>
    UnsupportedVersion,

    /// <summary>The stored header checksum is not SHA-256 of header bytes 0..224.</summary>
    HeaderChecksumMismatch,

    /// <summary>The file ends inside the 256-byte header.</summary>
    TruncatedHeader,

    /// <summary>The file ends inside the node count or the leaf hash table.</summary>
    TruncatedLeafTable,

    /// <summary>The file ends inside a commitment record.</summary>
    TruncatedRecord,

    /// <summary>The file ends before a complete 12-byte footer.</summary>
    TruncatedFooter,

    /// <summary>The footer's total size or fixed CRC value is wrong.</summary>
    FooterMismatch,

    /// <summary>Bytes follow a valid footer.</summary>
    TrailingGarbage,

    /// <summary>A field holds a value the format does not allow (chunk size, chunk count, height encoding, list length).</summary>
    InvalidField,
}

/// <summary>
/// A v1 <c>.hashchain</c> file could not be parsed. <see cref="Field"/> names the field and
/// <see cref="Offset"/> is its byte offset in the file, so an operator can find the damage with a hex viewer.
/// </summary>
public sealed class LegacyFormatException : FormatException
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    public LegacyFormatException(LegacyFormatError error, string field, long offset, string detail, string? expected = null, string? actual = null)
        : base($"v1 .hashchain: {error} in field '{field}' at offset {offset}: {detail}")
    {
        Error = error;
        Field = field;
        Offset = offset;
        Detail = detail;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The kind of damage.</summary>
    public LegacyFormatError Error { get; }

    /// <summary>The field (for example <c>header_checksum</c> or <c>record[3].chunk_hashes[1]</c>).</summary>
    public string Field { get; }

    /// <summary>Byte offset of the field in the file.</summary>
    public long Offset { get; }

    /// <summary>The explanation without the prefix.</summary>
    public string Detail { get; }

    /// <summary>The expected value, where there is one.</summary>
    public string? Expected { get; }

    /// <summary>The value found, where there is one.</summary>
    public string? Actual { get; }
}
