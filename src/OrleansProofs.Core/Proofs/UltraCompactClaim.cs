// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The ultra-compact claim: exactly 136 bytes, big-endian, no header (its size is its type).
/// <code>
/// offset size field
///      0   32 chain_head            the chain's commitment at global_height
///     32    8 chain_length          u64 blocks since the anchor (global_height − anchor_height)
///     40   32 global_root           the signed global root of global_height
///     72    8 global_height         u64 layer-1 height
///     80   32 position              HierarchyPosition(chain_id, group_id, region_id)
///    112    4 total_chains          u32 chains under the global root
///    116    8 timestamp             u64 Unix seconds of the layer-1 block at global_height
///    124   12 nonce                 the auditor's challenge nonce, echoed
/// </code>
/// It carries no path or signature: an auditor checks every field for equality against data it
/// already trusts — a verified hierarchical path proof for the same chain and height (which binds
/// chain_head to the signed global root), the chain's registration, and its own nonce — so any
/// changed bit is caught (<see cref="ProofVerifier.VerifyUltraCompact"/>).
/// </summary>
public sealed record UltraCompactClaim(
    Hash32 ChainHead,
    ulong ChainLength,
    Hash32 GlobalRoot,
    ulong GlobalHeight,
    Hash32 Position,
    uint TotalChains,
    ulong Timestamp,
    AuditorNonce Nonce)
{
    /// <summary>The exact encoded size.</summary>
    public const int EncodedSize = 136;

    /// <summary>Encodes the claim into 136 bytes.</summary>
    public byte[] Encode()
    {
        byte[] bytes = new byte[EncodedSize];
        ProtocolWriter writer = new(bytes);
        writer.WriteHash(ChainHead);
        writer.WriteUInt64(ChainLength);
        writer.WriteHash(GlobalRoot);
        writer.WriteUInt64(GlobalHeight);
        writer.WriteHash(Position);
        writer.WriteUInt32(TotalChains);
        writer.WriteUInt64(Timestamp);
        writer.WriteBytes(Nonce.Bytes);
        return bytes;
    }

    /// <summary>Decodes exactly 136 bytes.</summary>
    /// <exception cref="FormatException">The input is not exactly 136 bytes.</exception>
    public static UltraCompactClaim Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != EncodedSize)
        {
            throw new FormatException($"An ultra-compact claim is exactly {EncodedSize} bytes; got {encoded.Length}.");
        }

        ProtocolReader reader = new(encoded);
        UltraCompactClaim claim = new(
            reader.ReadHash("chain_head"),
            reader.ReadUInt64("chain_length"),
            reader.ReadHash("global_root"),
            reader.ReadUInt64("global_height"),
            reader.ReadHash("position"),
            reader.ReadUInt32("total_chains"),
            reader.ReadUInt64("timestamp"),
            new AuditorNonce(reader.ReadBytes(AuditorNonce.Size, "nonce")));
        reader.EnsureEnd("ultra-compact claim");
        return claim;
    }
}
