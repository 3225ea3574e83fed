// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// The block record a prover signs once per block: the layer-1 block it answers, the global root
/// over all its chains, the chain count, the block's timestamp and the prover's VDF point after
/// absorbing the block. One Ed25519 signature per block covers every chain.
/// <para>
/// Signed message (184 bytes hashed, then the 32-byte digest is signed):
/// <c>H(u8 23 ‖ "posc/v1/block-signature" ‖ prover_public_key(32) ‖ u64 height ‖ block_hash(32) ‖
/// global_root(32) ‖ u64 total_chains ‖ u64 timestamp ‖ u64 vdf_iterations ‖ vdf_state(32))</c>.
/// </para>
/// </summary>
/// <param name="Height">Layer-1 block height.</param>
/// <param name="BlockHash">Layer-1 block hash.</param>
/// <param name="GlobalRoot">The block's global root.</param>
/// <param name="TotalChains">Chains the global root covers.</param>
/// <param name="Timestamp">The layer-1 block's timestamp, Unix seconds (public, from the adapter).</param>
/// <param name="VdfIterations">The prover's VDF iteration count after absorbing this block's root.</param>
/// <param name="VdfState">The prover's VDF state at <paramref name="VdfIterations"/>.</param>
public readonly record struct BlockAttestation(
    ulong Height,
    Hash32 BlockHash,
    Hash32 GlobalRoot,
    ulong TotalChains,
    ulong Timestamp,
    ulong VdfIterations,
    Hash32 VdfState)
{
    /// <summary>Bytes of the hashed signing message.</summary>
    private const int MessageSize = 1 + 23 + 32 + 8 + 32 + 32 + 8 + 8 + 8 + 32;

    /// <summary>The 32-byte digest the prover signs.</summary>
    public Hash32 SigningDigest(ProverPublicKey prover)
    {
        Span<byte> buffer = stackalloc byte[MessageSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.BlockSignature);
        writer.WriteHash(prover.AsHash32());
        writer.WriteUInt64(Height);
        writer.WriteHash(BlockHash);
        writer.WriteHash(GlobalRoot);
        writer.WriteUInt64(TotalChains);
        writer.WriteUInt64(Timestamp);
        writer.WriteUInt64(VdfIterations);
        writer.WriteHash(VdfState);
        return writer.Hash();
    }

    /// <summary>Signs the attestation with the prover's node key; returns the 64-byte signature.</summary>
    public byte[] Sign(NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(SigningDigest(key.PublicKey).Bytes);
    }

    /// <summary>True when <paramref name="signature"/> is the prover's signature over this attestation.</summary>
    public bool VerifySignature(ProverPublicKey prover, ReadOnlySpan<byte> signature) =>
        VerifySignature(prover, signature, cache: null);

    /// <summary>
    /// <see cref="VerifySignature(ProverPublicKey, ReadOnlySpan{byte})"/>, answered from
    /// <paramref name="cache"/> when these exact bytes verified before (proofs of one block share it).
    /// </summary>
    public bool VerifySignature(ProverPublicKey prover, ReadOnlySpan<byte> signature, SignatureCheckCache? cache)
    {
        Hash32 digest = SigningDigest(prover);
        return cache is null ? NodeKey.Verify(prover, digest.Bytes, signature) : cache.Verify(prover, digest.Bytes, signature);
    }
}
