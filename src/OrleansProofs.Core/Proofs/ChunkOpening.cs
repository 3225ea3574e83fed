// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// One selected chunk opened in a full proof: its stored bytes and the Merkle path of its leaf to
/// the registered replica root. Encoded as <c>chunk(4096) ‖ u8 n ‖ n × sibling(32)</c>; the index is
/// not carried, the verifier recomputes the selection.
/// </summary>
public sealed record ChunkOpening(ImmutableArray<byte> Chunk, ImmutableArray<Hash32> Path)
{
    /// <summary>Encoded size.</summary>
    public int EncodedSize => ProtocolConstants.ChunkSize + 1 + Path.Length * Hash32.Size;

    /// <summary>Writes the opening.</summary>
    public void Write(ref ProtocolWriter writer)
    {
        writer.WriteBytes(Chunk.AsSpan());
        writer.WriteByte(checked((byte)Path.Length));
        foreach (Hash32 sibling in Path)
        {
            writer.WriteHash(sibling);
        }
    }

    /// <summary>Reads an opening.</summary>
    public static ChunkOpening Read(ref ProtocolReader reader, string field)
    {
        ImmutableArray<byte> chunk = [.. reader.ReadBytes(ProtocolConstants.ChunkSize, $"{field}.chunk")];
        byte count = reader.ReadByte($"{field}.path_length");
        if (count > 64)
        {
            throw new FormatException($"{field}.path_length {count} exceeds 64 siblings (a replica of at most 2^64 chunks).");
        }

        ImmutableArray<Hash32>.Builder path = ImmutableArray.CreateBuilder<Hash32>(count);
        for (int i = 0; i < count; i++)
        {
            path.Add(reader.ReadHash($"{field}.path[{i}]"));
        }

        return new ChunkOpening(chunk, path.MoveToImmutable());
    }
}
