// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Replica;
using OrleansProofs.Core.Storage;

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>Possession evidence for a chain's commit records, read from its replica file and leaf sidecar.</summary>
public static class ReplicaEvidence
{
    /// <summary>Evidence by height for every commit record in <paramref name="records"/>.</summary>
    public static Dictionary<ulong, IReadOnlyList<ChunkEvidence>> Read(string replicaPath, IEnumerable<ChainRecord> records)
    {
        Dictionary<ulong, IReadOnlyList<ChunkEvidence>> evidence = [];
        using ChunkStore store = ChunkStore.Open(replicaPath);
        using ReplicaLeafFile leaves = ReplicaLeafFile.Open(ReplicaLeafFile.PathFor(replicaPath));
        foreach (ChainRecord record in records.Where(r => r.Kind == ChainRecordKind.Commit))
        {
            List<ChunkEvidence> items = [];
            foreach (ulong index in record.Indices)
            {
                byte[] chunk = new byte[ChunkLayout.ChunkSize];
                store.ReadChunk((long)index, chunk);
                items.Add(new ChunkEvidence(index, chunk, [.. leaves.BuildPath((long)index)]));
            }

            evidence[record.Height] = items;
        }

        return evidence;
    }

    /// <summary>True when this process holds an open handle on <paramref name="path"/>.</summary>
    public static bool IsOpenInThisProcess(string path)
    {
        string full = Path.GetFullPath(path);
        if (OperatingSystem.IsLinux())
        {
            foreach (string descriptor in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                try
                {
                    if (new FileInfo(descriptor).LinkTarget is { } target && (target == full || target == full + " (deleted)"))
                    {
                        return true;
                    }
                }
                catch (IOException)
                {
                    // The descriptor closed while enumerating.
                }
            }

            return false;
        }

        try
        {
            using FileStream exclusive = new(full, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
