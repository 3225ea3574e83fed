// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Encoding;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The full proof: a compact proof plus, for every committed chunk of the window in order, the
/// chunk's stored bytes and Merkle path to the registered replica root, so the verifier checks
/// possession itself (leaf in the replica, and the access digest the chain committed to at that block).
/// <code>
/// envelope(6, format 3) ‖ compact body ‖ openings (one per digest of each commit entry, in order)
/// </code>
/// </summary>
public sealed record FullProof(CompactProof Compact, ImmutableArray<ChunkOpening> Openings)
{
    /// <summary>The block height the proof ends at.</summary>
    public ulong Height => Compact.Height;

    /// <summary>Encoded size.</summary>
    public int EncodedSize => Compact.EncodedSize + Openings.Sum(o => o.EncodedSize);

    /// <summary>Encodes the proof.</summary>
    public byte[] Encode()
    {
        byte[] bytes = new byte[EncodedSize];
        ProtocolWriter writer = new(bytes);
        Compact.WriteBody(ref writer, ProofFormat.Full);
        foreach (ChunkOpening opening in Openings)
        {
            opening.Write(ref writer);
        }

        return bytes;
    }

    /// <summary>Decodes a full proof; the number of openings follows from the window.</summary>
    /// <exception cref="FormatException">Malformed input; the message names the field.</exception>
    public static FullProof Decode(ReadOnlySpan<byte> encoded)
    {
        ProtocolReader reader = new(encoded);
        CompactProof compact = CompactProof.ReadBody(ref reader, ProofFormat.Full);
        int count = compact.Window.Entries.Sum(e => e.AccessDigests.Length);
        ImmutableArray<ChunkOpening>.Builder openings = ImmutableArray.CreateBuilder<ChunkOpening>(count);
        for (int i = 0; i < count; i++)
        {
            openings.Add(ChunkOpening.Read(ref reader, $"opening[{i}]"));
        }

        reader.EnsureEnd("full proof");
        return new FullProof(compact, openings.MoveToImmutable());
    }
}
