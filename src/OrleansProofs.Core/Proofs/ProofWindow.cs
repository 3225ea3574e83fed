// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The last blocks of a chain in recomputable form:
/// <c>u64 first_height ‖ u8 entry_count ‖ start_commitment(32) ‖ entries</c>, where
/// start_commitment is the chain's commitment just before first_height (the anchored commitment
/// when the window starts at the anchor) and each entry is a <see cref="WindowEntry"/>.
/// </summary>
public sealed record ProofWindow(ulong FirstHeight, Hash32 StartCommitment, ImmutableArray<WindowEntry> Entries)
{
    /// <summary>Size before the entries.</summary>
    public const int FixedSize = 8 + 1 + Hash32.Size;

    /// <summary>The height of the last entry.</summary>
    public ulong LastHeight => FirstHeight + (ulong)Entries.Length - 1;

    /// <summary>Encoded size.</summary>
    public int EncodedSize => FixedSize + Entries.Sum(e => e.EncodedSize);

    /// <summary>Takes the window from a chain's records (consecutive, oldest first).</summary>
    /// <exception cref="ArgumentException">Empty, more than 255 records, or not consecutive.</exception>
    public static ProofWindow FromRecords(IReadOnlyList<ChainRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count is 0 or > byte.MaxValue)
        {
            throw Error.OutOfRange(nameof(records), records.Count, "must hold 1 to 255 consecutive records");
        }

        ImmutableArray<WindowEntry>.Builder entries = ImmutableArray.CreateBuilder<WindowEntry>(records.Count);
        for (int i = 0; i < records.Count; i++)
        {
            ChainRecord record = records[i];
            if (record.Height != records[0].Height + (ulong)i || (i > 0 && record.PreviousCommitment != records[i - 1].Commitment))
            {
                throw Error.Invalid(nameof(records), $"record {i} (height {record.Height}) does not follow record {i - 1}; a window must be consecutive and linked.");
            }

            entries.Add(record.Kind == ChainRecordKind.Gap ? WindowEntry.Gap : WindowEntry.Commit(record.AccessDigests));
        }

        return new ProofWindow(records[0].Height, records[0].PreviousCommitment, entries.MoveToImmutable());
    }

    /// <summary>Writes the window.</summary>
    public void Write(ref ProtocolWriter writer)
    {
        writer.WriteUInt64(FirstHeight);
        writer.WriteByte((byte)Entries.Length);
        writer.WriteHash(StartCommitment);
        foreach (WindowEntry entry in Entries)
        {
            writer.WriteByte((byte)entry.AccessDigests.Length);
            foreach (Hash32 digest in entry.AccessDigests)
            {
                writer.WriteHash(digest);
            }
        }
    }

    /// <summary>Reads a window.</summary>
    /// <exception cref="FormatException">Truncated or zero entries.</exception>
    public static ProofWindow Read(ref ProtocolReader reader)
    {
        ulong firstHeight = reader.ReadUInt64("window.first_height");
        byte count = reader.ReadByte("window.entry_count");
        if (count == 0)
        {
            throw new FormatException("window.entry_count is 0; a proof window holds at least one block.");
        }

        Hash32 start = reader.ReadHash("window.start_commitment");
        ImmutableArray<WindowEntry>.Builder entries = ImmutableArray.CreateBuilder<WindowEntry>(count);
        for (int i = 0; i < count; i++)
        {
            byte digests = reader.ReadByte($"window.entry[{i}].count");
            if (digests == 0)
            {
                entries.Add(WindowEntry.Gap);
                continue;
            }

            ImmutableArray<Hash32>.Builder list = ImmutableArray.CreateBuilder<Hash32>(digests);
            for (int j = 0; j < digests; j++)
            {
                list.Add(reader.ReadHash($"window.entry[{i}].digest[{j}]"));
            }

            entries.Add(WindowEntry.Commit(list.MoveToImmutable()));
        }

        if (firstHeight > ulong.MaxValue - count)
        {
            throw new FormatException($"window.first_height {firstHeight} leaves no room for {count} entries.");
        }

        return new ProofWindow(firstHeight, start, entries.MoveToImmutable());
    }
}
