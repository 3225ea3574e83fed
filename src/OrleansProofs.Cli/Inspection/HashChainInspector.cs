// SPDX-License-Identifier: MIT

using System.Text.Json.Nodes;
using OrleansProofs.Core.Legacy;

namespace OrleansProofs.Cli.Inspection;

/// <summary>
/// Describes a v1 <c>.hashchain</c> file (magic <c>HCHN</c>) as stored: header fields, leaf count,
/// record count with the first and last record, and the footer. Reads the structure only; it does
/// not verify anything against the data (that is <c>posc legacy verify</c>). A wrong header checksum
/// is shown, not rejected.
/// </summary>
public sealed class HashChainInspector : IFileInspector
{
    /// <inheritdoc/>
    public string FormatName => "v1 .hashchain";

    /// <inheritdoc/>
    public string SignatureDescription => "magic \"HCHN\"";

    /// <inheritdoc/>
    public int SignatureLength => 4;

    /// <inheritdoc/>
    public bool Recognises(ReadOnlySpan<byte> head) => head.StartsWith(LegacyFormat.Magic);

    /// <inheritdoc/>
    public InspectionResult Inspect(string path, ConsoleOutput output)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(output);

        using ProgressBar progress = output.StartProgress($"reading {Path.GetFileName(path)}");
        long recordsOffset = long.MaxValue;
        long fileLength = 0;
        FileStream file = new(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.SequentialScan,
            BufferSize = 64 * 1024,
        });
        using ProgressReadStream stream = new(file, position =>
        {
            if (position > recordsOffset)
            {
                progress.Report(position - recordsOffset, fileLength - recordsOffset);
            }
        });
        using HashChainFileReader reader = new(stream, LegacyHeaderChecksumPolicy.Report, leaveOpen: true);
        recordsOffset = reader.RecordsOffset;
        fileLength = reader.FileLength;

        LegacyHashChainHeader header = reader.Header;
        JsonObject document = new()
        {
            ["file"] = Path.GetFullPath(path),
            ["format"] = FormatName,
            ["fileLength"] = reader.FileLength,
            ["header"] = new JsonObject
            {
                ["formatVersion"] = header.FormatVersion,
                ["dataFileHash"] = header.DataFileHash.ToString(),
                ["merkleRoot"] = header.MerkleRoot.ToString(),
                ["totalChunks"] = header.TotalChunks,
                ["chunkSize"] = header.ChunkSize,
                ["dataFilePathHash"] = header.DataFilePathHash.ToString(),
                ["anchoredCommitment"] = header.AnchoredCommitment.ToString(),
                ["chainLength"] = header.ChainLength,
                ["publicKey"] = header.PublicKey.ToString(),
                ["initialBlockHeight"] = header.InitialBlockHeight,
                ["initialBlockHeightEncoding"] = header.InitialBlockHeightEncoding.ToString(),
                ["initialBlockHash"] = header.InitialBlockHash.ToString(),
                ["headerChecksum"] = header.StoredChecksum.ToString(),
                ["headerChecksumValid"] = header.IsChecksumValid,
            },
            ["leafCount"] = reader.Leaves.Length,
        };

        JsonObject records = new();
        document["records"] = records;
        LegacyCommitmentRecord? first = null;
        LegacyCommitmentRecord? last = null;
        string? error = null;
        try
        {
            while (reader.TryReadNextRecord(out LegacyCommitmentRecord? record))
            {
                first ??= record;
                last = record;
            }
        }
        catch (LegacyFormatException e)
        {
            error = e.Message;
        }

        records["count"] = reader.RecordsRead;
        records["offset"] = reader.RecordsOffset;
        records["first"] = first is null ? null : Describe(first);
        records["last"] = last is null ? null : Describe(last);
        document["footer"] = reader.Footer is { } footer
            ? new JsonObject
            {
                ["offset"] = footer.Offset,
                ["totalSize"] = footer.TotalSize,
                ["crc32"] = $"0x{footer.Crc:x8}",
            }
            : null;
        if (error is not null)
        {
            document["error"] = error;
        }

        return new InspectionResult(document, error);
    }

    private static JsonObject Describe(LegacyCommitmentRecord record) => new()
    {
        ["index"] = record.Index,
        ["offset"] = record.Offset,
        ["blockHeight"] = record.TryGetIntegralHeight(out ulong height) ? JsonValue.Create(height) : JsonValue.Create(record.BlockHeight),
        ["blockHash"] = record.BlockHash.ToString(),
        ["previousCommitment"] = record.PreviousCommitment.ToString(),
        ["commitmentHash"] = record.CommitmentHash.ToString(),
        ["chunkIndices"] = new JsonArray([.. record.ChunkIndices.Select(i => (JsonNode?)JsonValue.Create(i))]),
    };
}
