// SPDX-License-Identifier: MIT

using Ascii = System.Text.Encoding;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Checkpoints;

/// <summary>
/// A prover's layer-1 checkpoint: every checkpoint interval the prover restates, under its signature
/// and backed by a bond, what it published at one block — the global root, the chain count and its
/// cumulative VDF work — and submits it through the blockchain adapter. Verifiers compare it with the
/// block record they verified at that height; a checkpoint that disagrees (a root the prover never
/// published) is evidence for slashing its bond, since both byte strings carry the prover's signature.
/// <code>
/// offset   size  field
///      0      1  version              1
///      1     32  prover_public_key    Ed25519 key that signs
///     33      8  height               u64 layer-1 height checkpointed
///     41     32  block_hash           layer-1 block hash at height
///     73     32  global_root          the block's global root
///    105      8  total_chains         u64 chains under the root
///    113      8  vdf_iterations       u64 cumulative VDF iterations (the block record's)
///    121     32  vdf_state            VDF state at vdf_iterations (the block record's)
///    153      1  bond_id_length       n, 1..128
///    154      n  bond_id              ASCII (0x21..0x7E) ledger bond id backing the checkpoint
///  154+n     64  signature            Ed25519 over H(u8 21 ‖ "posc/v1/l1-checkpoint" ‖ bytes 0 .. 154+n)
/// </code>
/// </summary>
/// <param name="Prover">The prover's public key.</param>
/// <param name="Height">Layer-1 height.</param>
/// <param name="BlockHash">Layer-1 block hash at <paramref name="Height"/>.</param>
/// <param name="GlobalRoot">The global root the prover published at <paramref name="Height"/>.</param>
/// <param name="TotalChains">Chains under <paramref name="GlobalRoot"/>.</param>
/// <param name="VdfIterations">Cumulative VDF iterations signed in the block record.</param>
/// <param name="VdfState">VDF state signed in the block record.</param>
/// <param name="BondId">The ledger bond that backs the checkpoint.</param>
public sealed record ProverCheckpoint(
    ProverPublicKey Prover,
    ulong Height,
    Hash32 BlockHash,
    Hash32 GlobalRoot,
    ulong TotalChains,
    ulong VdfIterations,
    Hash32 VdfState,
    string BondId)
{
    /// <summary>The encoding version.</summary>
    public const byte Version = 1;

    /// <summary>The longest bond id.</summary>
    public const int MaxBondIdLength = 128;

    /// <summary>Bytes before the bond id.</summary>
    private const int FixedSize = 1 + 32 + 8 + 32 + 32 + 8 + 8 + 32 + 1;

    /// <summary>Bytes of the smallest encoding (a one-character bond id).</summary>
    public const int MinEncodedSize = FixedSize + 1 + NodeKey.SignatureSize;

    /// <summary>Bytes of the largest encoding.</summary>
    public const int MaxEncodedSize = FixedSize + MaxBondIdLength + NodeKey.SignatureSize;

    /// <summary>Bytes of the signed body (everything before the signature).</summary>
    public int BodySize => FixedSize + BondId.Length;

    /// <summary>Signs the checkpoint with <paramref name="key"/> (which must be <see cref="Prover"/>'s) and returns its encoding.</summary>
    /// <exception cref="ArgumentException">The key is not the prover's, or the bond id is not 1..128 printable ASCII characters.</exception>
    public byte[] Sign(NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.PublicKey != Prover)
        {
            throw Error.Invalid(nameof(key), $"the checkpoint names prover {Prover}; the key is {key.PublicKey}.");
        }

        CheckBondId(BondId, nameof(BondId));
        byte[] encoded = new byte[BodySize + NodeKey.SignatureSize];
        WriteBody(encoded.AsSpan(0, BodySize));
        key.Sign(SigningDigest(encoded.AsSpan(0, BodySize)).Bytes, encoded.AsSpan(BodySize));
        return encoded;
    }

    /// <summary>Decodes a signed checkpoint without checking its signature (see <see cref="DecodeVerified"/>).</summary>
    /// <exception cref="FormatException">Wrong version, length or bond id.</exception>
    public static ProverCheckpoint Decode(ReadOnlySpan<byte> encoded)
    {
        ProtocolReader reader = new(encoded);
        byte version = reader.ReadByte("version");
        if (version != Version)
        {
            throw new FormatException($"Checkpoint version {version} is not supported; this build reads version {Version}.");
        }

        ProverPublicKey prover = new(reader.ReadHash("prover_public_key").Bytes);
        ulong height = reader.ReadUInt64("height");
        Hash32 blockHash = reader.ReadHash("block_hash");
        Hash32 globalRoot = reader.ReadHash("global_root");
        ulong totalChains = reader.ReadUInt64("total_chains");
        ulong vdfIterations = reader.ReadUInt64("vdf_iterations");
        Hash32 vdfState = reader.ReadHash("vdf_state");
        int bondIdLength = reader.ReadByte("bond_id_length");
        ReadOnlySpan<byte> bondIdBytes = reader.ReadBytes(bondIdLength, "bond_id");
        foreach (byte b in bondIdBytes)
        {
            if (b is < 0x21 or > 0x7E)
            {
                throw new FormatException($"Checkpoint bond_id must be printable ASCII without spaces; byte 0x{b:X2} is not.");
            }
        }

        if (bondIdLength is < 1 or > MaxBondIdLength)
        {
            throw new FormatException($"Checkpoint bond_id_length must be 1 to {MaxBondIdLength}; got {bondIdLength}.");
        }

        _ = reader.ReadBytes(NodeKey.SignatureSize, "signature");
        reader.EnsureEnd("checkpoint");
        return new ProverCheckpoint(prover, height, blockHash, globalRoot, totalChains, vdfIterations, vdfState, Ascii.ASCII.GetString(bondIdBytes));
    }

    /// <summary>
    /// Decodes a signed checkpoint and checks its signature under the prover key it names (and, when
    /// given, that this is <paramref name="expectedProver"/>); null when anything is wrong.
    /// </summary>
    public static ProverCheckpoint? DecodeVerified(ReadOnlySpan<byte> encoded, ProverPublicKey? expectedProver = null)
    {
        ProverCheckpoint checkpoint;
        try
        {
            checkpoint = Decode(encoded);
        }
        catch (FormatException)
        {
            return null;
        }

        if (expectedProver is { } expected && expected != checkpoint.Prover)
        {
            return null;
        }

        int bodySize = checkpoint.BodySize;
        return NodeKey.Verify(checkpoint.Prover, SigningDigest(encoded[..bodySize]).Bytes, encoded[bodySize..]) ? checkpoint : null;
    }

    /// <summary>The digest signed: <c>H(u8 21 ‖ "posc/v1/l1-checkpoint" ‖ body)</c>.</summary>
    private static Hash32 SigningDigest(ReadOnlySpan<byte> body)
    {
        byte[] buffer = new byte[1 + DomainTags.LayerOneCheckpoint.Length + body.Length];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.LayerOneCheckpoint);
        writer.WriteBytes(body);
        return writer.Hash();
    }

    private void WriteBody(Span<byte> body)
    {
        ProtocolWriter writer = new(body);
        writer.WriteByte(Version);
        writer.WriteHash(Prover.AsHash32());
        writer.WriteUInt64(Height);
        writer.WriteHash(BlockHash);
        writer.WriteHash(GlobalRoot);
        writer.WriteUInt64(TotalChains);
        writer.WriteUInt64(VdfIterations);
        writer.WriteHash(VdfState);
        writer.WriteByte((byte)BondId.Length);
        writer.WriteBytes(Ascii.ASCII.GetBytes(BondId));
    }

    private static void CheckBondId(string bondId, string paramName)
    {
        if (bondId is null || bondId.Length is < 1 or > MaxBondIdLength || bondId.Any(c => c is < '!' or > '~'))
        {
            throw Error.Invalid(paramName, $"a bond id must be 1 to {MaxBondIdLength} printable ASCII characters without spaces; got '{bondId}'.");
        }
    }
}
