// SPDX-License-Identifier: MIT

using System.Text.Json.Nodes;
using OrleansProofs.Cli.Proofs;
using OrleansProofs.Core.Hierarchy;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Cli.Inspection;

/// <summary>
/// Describes a path, compact or full proof (magic <c>POSC</c> and the format byte) as decoded:
/// envelope, the fields each format carries (registration, window shape, seal, hierarchy path shape,
/// openings) and the size of each part. Decoding checks the structure only; nothing is verified (that
/// is <c>posc verify</c>, which needs the prover's key and the public blocks).
/// </summary>
public sealed class ProofEnvelopeInspector : IFileInspector
{
    /// <summary>Creates the inspector of one envelope format.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> has no envelope (the ultra-compact claim).</exception>
    public ProofEnvelopeInspector(ProofFormat format)
    {
        if (format is not (ProofFormat.Path or ProofFormat.Compact or ProofFormat.Full))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Only the path, compact and full formats have a POSC envelope.");
        }

        Format = format;
    }

    /// <summary>The format this inspector describes.</summary>
    public ProofFormat Format { get; }

    /// <inheritdoc/>
    public string FormatName => $"{Format.ToName()} proof";

    /// <inheritdoc/>
    public string SignatureDescription => $"magic \"POSC\", format byte {(byte)Format}";

    /// <inheritdoc/>
    public int SignatureLength => ProofEnvelope.Magic.Length + 1;

    /// <inheritdoc/>
    public bool Recognises(ReadOnlySpan<byte> head) =>
        head.Length >= SignatureLength && ProofFiles.HasEnvelopeMagic(head) && head[ProofEnvelope.Magic.Length] == (byte)Format;

    /// <inheritdoc/>
    public InspectionResult Inspect(string path, ConsoleOutput output)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(output);
        byte[] bytes = ProofDocuments.ReadProof(path);
        JsonObject document = ProofDocuments.Start(path, FormatName, bytes.Length);
        document["envelope"] = new JsonObject
        {
            ["magic"] = "POSC",
            ["formatByte"] = bytes[ProofEnvelope.Magic.Length],
            ["version"] = bytes.Length > ProofEnvelope.Magic.Length + 1 ? bytes[ProofEnvelope.Magic.Length + 1] : null,
        };

        switch (Format)
        {
            case ProofFormat.Path:
                DescribePath(document, PathProof.Decode(bytes));
                break;
            case ProofFormat.Compact:
                DescribeCompact(document, CompactProof.Decode(bytes), bytes.Length, openings: null);
                break;
            default:
                FullProof full = FullProof.Decode(bytes);
                DescribeCompact(document, full.Compact, bytes.Length, full);
                break;
        }

        return new InspectionResult(document);
    }

    private static void DescribePath(JsonObject document, PathProof proof)
    {
        document["height"] = proof.Height;
        document["chainId"] = proof.ChainId.ToString();
        document["commitment"] = proof.Commitment.ToString();
        document["seal"] = ProofDocuments.Seal(proof.Seal);
        document["path"] = ProofDocuments.PathShape(proof.Path);
        document["sizes"] = new JsonObject
        {
            ["total"] = document["fileLength"]!.GetValue<long>(),
            ["envelope"] = ProofEnvelope.Size,
            ["chainIdAndCommitment"] = 64,
            ["seal"] = BlockSeal.EncodedSize,
            ["pathLengthPrefix"] = 2,
            ["path"] = proof.Path.EncodedSize,
        };
    }

    private static void DescribeCompact(JsonObject document, CompactProof proof, long fileLength, FullProof? openings)
    {
        ChainRegistration registration = proof.Registration;
        document["height"] = proof.Height;
        document["registration"] = new JsonObject
        {
            ["dataHash"] = registration.DataHash.ToString(),
            ["replicaRoot"] = registration.ReplicaRoot.ToString(),
            ["fileLength"] = registration.FileLength,
            ["totalChunks"] = ProtocolConstants.ChunkCount(registration.FileLength),
            ["encodingVersion"] = registration.EncodingVersion,
            ["workFactor"] = registration.WorkFactor,
            ["anchorHeight"] = registration.AnchorHeight,
            ["anchorBlockHash"] = registration.AnchorBlockHash.ToString(),
        };

        ProofWindow window = proof.Window;
        List<ulong> gapHeights = [];
        for (int i = 0; i < window.Entries.Length; i++)
        {
            if (window.Entries[i].IsGap)
            {
                gapHeights.Add(window.FirstHeight + (ulong)i);
            }
        }

        document["window"] = new JsonObject
        {
            ["firstHeight"] = window.FirstHeight,
            ["lastHeight"] = window.LastHeight,
            ["entries"] = window.Entries.Length,
            ["commits"] = window.Entries.Length - gapHeights.Count,
            ["gaps"] = gapHeights.Count,
            ["gapHeights"] = new JsonArray([.. gapHeights.Select(h => (JsonNode?)JsonValue.Create(h))]),
            ["startCommitment"] = window.StartCommitment.ToString(),
            ["digestsPerEntry"] = new JsonArray([.. window.Entries.Select(e => (JsonNode?)JsonValue.Create(e.AccessDigests.Length))]),
            ["totalDigests"] = window.Entries.Sum(e => e.AccessDigests.Length),
        };
        document["seal"] = ProofDocuments.Seal(proof.Seal);
        document["path"] = ProofDocuments.PathShape(proof.Path);

        JsonObject sizes = new()
        {
            ["total"] = fileLength,
            ["envelope"] = ProofEnvelope.Size,
            ["registration"] = ChainRegistration.EncodedSize,
            ["window"] = window.EncodedSize,
            ["seal"] = BlockSeal.EncodedSize,
            ["pathLengthPrefix"] = 2,
            ["path"] = proof.Path.EncodedSize,
        };
        if (openings is not null)
        {
            int openingBytes = openings.Openings.Sum(o => o.EncodedSize);
            document["openings"] = new JsonObject
            {
                ["count"] = openings.Openings.Length,
                ["chunkBytes"] = ProtocolConstants.ChunkSize,
                ["siblingsPerOpening"] = new JsonArray([.. openings.Openings.Select(o => (JsonNode?)JsonValue.Create(o.Path.Length))]),
                ["bytes"] = openingBytes,
            };
            sizes["openings"] = openingBytes;
        }

        document["sizes"] = sizes;
    }
}

/// <summary>
/// Describes a 136-byte ultra-compact claim: it has no magic, so a file is taken as a claim when it is
/// exactly 136 bytes and no other inspector recognised it (this inspector is registered last). Shows
/// the eight fields; the claim is checked only by <c>posc verify</c> against a path proof, the
/// registration and the auditor's nonce.
/// </summary>
public sealed class UltraCompactClaimInspector : IFileInspector
{
    /// <inheritdoc/>
    public string FormatName => "ultra-compact claim";

    /// <inheritdoc/>
    public string SignatureDescription => $"exactly {UltraCompactClaim.EncodedSize} bytes, no magic; tried last";

    /// <inheritdoc/>
    public int SignatureLength => 0;

    /// <summary>Always false: a claim has no signature bytes; it is told by its size (<see cref="Recognises(ReadOnlySpan{byte}, long)"/>).</summary>
    public bool Recognises(ReadOnlySpan<byte> head) => false;

    /// <inheritdoc/>
    public bool Recognises(ReadOnlySpan<byte> head, long fileLength) => fileLength == UltraCompactClaim.EncodedSize;

    /// <inheritdoc/>
    public InspectionResult Inspect(string path, ConsoleOutput output)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(output);
        byte[] bytes = ProofDocuments.ReadProof(path);
        UltraCompactClaim claim = UltraCompactClaim.Decode(bytes);
        JsonObject document = ProofDocuments.Start(path, FormatName, bytes.Length);
        document["chainHead"] = claim.ChainHead.ToString();
        document["chainLength"] = claim.ChainLength;
        document["globalRoot"] = claim.GlobalRoot.ToString();
        document["globalHeight"] = claim.GlobalHeight;
        document["impliedAnchorHeight"] = claim.ChainLength <= claim.GlobalHeight ? claim.GlobalHeight - claim.ChainLength : null;
        document["position"] = claim.Position.ToString();
        document["totalChains"] = claim.TotalChains;
        document["timestamp"] = claim.Timestamp;
        document["timestampUtc"] = claim.Timestamp <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds((long)claim.Timestamp).ToString("u", System.Globalization.CultureInfo.InvariantCulture)
            : null;
        document["nonce"] = claim.Nonce.ToString();
        return new InspectionResult(document);
    }
}

/// <summary>The parts of proof documents the inspectors share.</summary>
internal static class ProofDocuments
{
    /// <summary>Reads a proof file, refusing one larger than any proof.</summary>
    /// <exception cref="FormatException">The file is larger than <see cref="ProofFiles.MaxProofBytes"/>.</exception>
    public static byte[] ReadProof(string path)
    {
        long length = new FileInfo(path).Length;
        if (length > ProofFiles.MaxProofBytes)
        {
            throw new FormatException($"the file is {length} bytes; no proof is larger than {ProofFiles.MaxProofBytes} bytes.");
        }

        return File.ReadAllBytes(path);
    }

    public static JsonObject Start(string path, string format, long fileLength) => new()
    {
        ["file"] = Path.GetFullPath(path),
        ["format"] = format,
        ["fileLength"] = fileLength,
    };

    public static JsonObject Seal(BlockSeal seal) => new()
    {
        ["timestamp"] = seal.Timestamp,
        ["vdfIterations"] = seal.VdfIterations,
        ["vdfState"] = seal.VdfState.ToString(),
        ["signature"] = Convert.ToHexStringLower(seal.Signature),
    };

    public static JsonObject PathShape(HierarchyPath path) => new()
    {
        ["height"] = path.Height,
        ["blockHash"] = path.BlockHash.ToString(),
        ["previousGlobalRoot"] = path.PreviousGlobalRoot.ToString(),
        ["totalChains"] = path.TotalChains,
        ["member"] = new JsonObject
        {
            ["memberCount"] = path.MemberCount,
            ["leafIndex"] = path.LeafIndex,
            ["siblings"] = path.MemberPath.Length,
        },
        ["group"] = new JsonObject
        {
            ["groupId"] = path.GroupId,
            ["groupCount"] = path.GroupCount,
            ["groupIndex"] = path.GroupIndex,
            ["siblings"] = path.GroupPath.Length,
        },
        ["region"] = new JsonObject
        {
            ["regionId"] = path.RegionId,
            ["regionCount"] = path.RegionCount,
            ["regionIndex"] = path.RegionIndex,
            ["siblings"] = path.RegionPath.Length,
        },
        ["encodedSize"] = path.EncodedSize,
    };
}
