// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The 6-byte prefix of the path, compact and full formats: <c>"POSC" ‖ u8 format ‖ u8 version</c>.
/// The ultra-compact claim has no envelope; its fixed 136-byte size identifies it.
/// </summary>
public static class ProofEnvelope
{
    /// <summary>Envelope size in bytes.</summary>
    public const int Size = 6;

    /// <summary>The only encoding version this code writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>The magic bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "POSC"u8;

    /// <summary>Writes the envelope of <paramref name="format"/>.</summary>
    public static void Write(ref ProtocolWriter writer, ProofFormat format)
    {
        writer.WriteBytes(Magic);
        writer.WriteByte((byte)format);
        writer.WriteByte(Version);
    }

    /// <summary>Reads and checks the envelope.</summary>
    /// <exception cref="FormatException">Wrong magic, another format, or an unsupported version.</exception>
    public static void Read(ref ProtocolReader reader, ProofFormat expected)
    {
        ReadOnlySpan<byte> magic = reader.ReadBytes(Magic.Length, "magic");
        if (!magic.SequenceEqual(Magic))
        {
            throw new FormatException($"Not an OrleansProofs proof: magic is {Convert.ToHexStringLower(magic)}, expected {Convert.ToHexStringLower(Magic)} (\"POSC\").");
        }

        byte format = reader.ReadByte("format");
        if (format != (byte)expected)
        {
            string actual = Enum.IsDefined((ProofFormat)format) ? ((ProofFormat)format).ToName() : $"unknown format {format}";
            throw new FormatException($"Proof format byte is {format} ({actual}); expected {(byte)expected} ({expected.ToName()}).");
        }

        byte version = reader.ReadByte("version");
        if (version != Version)
        {
            throw new FormatException($"Proof encoding version {version} is not supported; this node reads version {Version}.");
        }
    }

    /// <summary>Identifies an encoded proof by its envelope, or by its size for the ultra-compact claim.</summary>
    public static bool TryIdentify(ReadOnlySpan<byte> encoded, out ProofFormat format)
    {
        if (encoded.Length >= Size && encoded[..Magic.Length].SequenceEqual(Magic) && encoded[4] is >= 1 and <= 3)
        {
            format = (ProofFormat)encoded[4];
            return true;
        }

        format = ProofFormat.UltraCompact;
        return encoded.Length == UltraCompactClaim.EncodedSize;
    }
}
