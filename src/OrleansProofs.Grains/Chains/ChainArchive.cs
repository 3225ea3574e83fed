// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Grains.Chains;

/// <summary>
/// A removed chain's archive: <c>{data}/archive/{chainId}/manifest.json</c> (header fields, placement,
/// head, faults, retention, metadata, removal kind/reason/heights) and <c>records.json</c> (the proof
/// window, every field a verifier needs to recompute the commitments). Each file is written to a
/// temporary name and moved into place, so a reader never sees half a file and a retry rewrites it whole.
/// </summary>
internal static class ChainArchive
{
    /// <summary>The archive format name written into the manifest.</summary>
    public const string Format = "orleansproofs-chain-archive/v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The archive folder of <paramref name="chainId"/> under <paramref name="dataDirectory"/>.</summary>
    public static string FolderFor(string dataDirectory, in Hash32 chainId) => Path.Combine(dataDirectory, "archive", chainId.ToString());

    /// <summary>Writes the archive of a registered chain that is leaving, with its proof window; returns its folder.</summary>
    /// <exception cref="InvalidOperationException">The chain has no header or no removal schedule.</exception>
    public static string Write(string dataDirectory, in Hash32 chainId, ChainState s, ImmutableArray<ChainRecord> window)
    {
        ChainHeader header = s.Header ?? throw new InvalidOperationException($"Chain {chainId} is not registered; there is nothing to archive.");
        ChainRemovalSchedule removal = s.Removal ?? throw new InvalidOperationException($"Chain {chainId} has no removal scheduled; it is archived only when it leaves.");
        string folder = FolderFor(dataDirectory, chainId);
        Directory.CreateDirectory(folder);

        Manifest manifest = new(
            Format,
            chainId.ToString(),
            s.Network,
            removal.Kind == RemovalKind.Expiry ? "expired" : "removed",
            new RemovalEntry(removal.Kind == RemovalKind.Expiry ? "expiry" : "removal", removal.Reason, removal.ScheduledAtHeight, removal.RemovalHeight),
            new HeaderEntry(
                header.ChainId.ToString(),
                header.DataHash.ToString(),
                header.ProverPublicKey.AsHash32().ToString(),
                header.ReplicaRoot.ToString(),
                header.TotalChunks,
                header.FileLength,
                header.EncodingVersion,
                header.WorkFactor,
                header.AnchorHeight,
                header.AnchorBlockHash.ToString(),
                header.OwnershipCommitment.ToString(),
                header.AnchoredCommitment.ToString()),
            s.GroupId,
            s.RegionId,
            s.HeadHeight,
            s.Head.ToString(),
            s.HeadHeight - header.AnchorHeight,
            s.Faults,
            s.RetentionPolicy,
            new SortedDictionary<string, string>(s.Metadata, StringComparer.Ordinal),
            window.Length);
        RecordEntry[] records = [.. window.Select(r => new RecordEntry(
            r.Height,
            r.Kind == ChainRecordKind.Gap ? "gap" : "commit",
            r.BlockHash.ToString(),
            r.PreviousCommitment.ToString(),
            r.Commitment.ToString(),
            [.. r.Indices],
            [.. r.AccessDigests.Select(d => d.ToString())]))];

        WriteJson(Path.Combine(folder, "manifest.json"), manifest);
        WriteJson(Path.Combine(folder, "records.json"), records);
        return folder;
    }

    private static void WriteJson<T>(string path, T value)
    {
        string temporary = path + "." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".tmp";
        using (FileStream stream = new(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, value, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>manifest.json.</summary>
    private sealed record Manifest(
        string Format,
        string ChainId,
        string Network,
        string Status,
        RemovalEntry Removal,
        HeaderEntry Header,
        uint GroupId,
        uint RegionId,
        ulong HeadHeight,
        string HeadCommitment,
        ulong ChainLength,
        ulong Faults,
        string RetentionPolicy,
        SortedDictionary<string, string> Metadata,
        int Records);

    /// <summary>The removal in the manifest.</summary>
    private sealed record RemovalEntry(string Kind, string Reason, ulong ScheduledAtHeight, ulong RemovalHeight);

    /// <summary>The header's committed fields and both commitments.</summary>
    private sealed record HeaderEntry(
        string ChainId,
        string DataHash,
        string ProverPublicKey,
        string ReplicaRoot,
        ulong TotalChunks,
        ulong FileLength,
        byte EncodingVersion,
        uint WorkFactor,
        ulong AnchorHeight,
        string AnchorBlockHash,
        string OwnershipCommitment,
        string AnchoredCommitment);

    /// <summary>One record of records.json.</summary>
    private sealed record RecordEntry(
        ulong Height,
        string Kind,
        string BlockHash,
        string PreviousCommitment,
        string Commitment,
        ulong[] Indices,
        string[] AccessDigests);
}
