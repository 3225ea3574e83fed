// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Core.Encoding;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// Everything a chain commits to when it is created, and the two commitments derived from it:
/// <list type="bullet">
/// <item><see cref="OwnershipCommitment"/> = <c>H(tag "posc/v1/ownership" ‖ chain_id ‖ prover_public_key ‖
/// data_hash ‖ replica_root ‖ u64 total_chunks ‖ u64 file_length ‖ u8 encoding_version ‖ u32 work_factor)</c>;</item>
/// <item><see cref="AnchoredCommitment"/> = <c>H(tag "posc/v1/anchor" ‖ ownership_commitment ‖
/// u64 anchor_height ‖ anchor_block_hash)</c>, the chain's genesis: the "previous commitment" of the
/// first block after the anchor.</item>
/// </list>
/// A header is valid by construction: every field is checked, and the properties cannot be changed
/// afterwards (no <c>init</c>, so <c>with</c> cannot bypass the checks).
/// </summary>
public sealed record ChainHeader
{
    /// <summary>Bytes hashed for the ownership commitment.</summary>
    internal const int OwnershipInputSize = 1 + 17 + 4 * Hash32.Size + 8 + 8 + 1 + 4;

    /// <summary>Bytes hashed for the anchored commitment.</summary>
    internal const int AnchorInputSize = 1 + 14 + Hash32.Size + 8 + Hash32.Size;

    /// <summary>Creates a header from all its fields, checking each of them.</summary>
    /// <exception cref="ArgumentException">A field breaks its rule; the message names the field and the rule.</exception>
    public ChainHeader(
        Hash32 chainId,
        Hash32 dataHash,
        ProverPublicKey proverPublicKey,
        Hash32 replicaRoot,
        ulong totalChunks,
        ulong fileLength,
        byte encodingVersion,
        uint workFactor,
        ulong anchorHeight,
        Hash32 anchorBlockHash)
    {
        if (dataHash.IsZero)
        {
            throw Error.Invalid(nameof(dataHash), "must not be all zero (an unset value).");
        }

        if (proverPublicKey.AsHash32().IsZero)
        {
            throw Error.Invalid(nameof(proverPublicKey), "must not be all zero (not a usable Ed25519 key).");
        }

        Hash32 expectedChainId = Protocol.ChainId.Compute(dataHash, proverPublicKey);
        if (chainId != expectedChainId)
        {
            throw Error.Invalid(nameof(chainId), $"must equal H(chain-id ‖ dataHash ‖ proverPublicKey) = {expectedChainId}; got {chainId}.");
        }

        if (replicaRoot.IsZero)
        {
            throw Error.Invalid(nameof(replicaRoot), "must not be all zero (an unset value).");
        }

        if (fileLength is 0 or > ProtocolConstants.MaxFileLength)
        {
            throw Error.OutOfRange(nameof(fileLength), fileLength, $"must be between 1 and {ProtocolConstants.MaxFileLength} bytes");
        }

        ulong expectedChunks = ProtocolConstants.ChunkCount(fileLength);
        if (totalChunks != expectedChunks)
        {
            throw Error.Invalid(nameof(totalChunks), $"must be ceil(fileLength / {ProtocolConstants.ChunkSize}) = {expectedChunks} for fileLength {fileLength}; got {totalChunks}.");
        }

        if (encodingVersion == 0)
        {
            throw Error.OutOfRange(nameof(encodingVersion), encodingVersion, "must be at least 1 (0 is reserved)");
        }

        if (workFactor == 0)
        {
            throw Error.OutOfRange(nameof(workFactor), workFactor, "must be at least 1");
        }

        if (anchorHeight == ulong.MaxValue)
        {
            throw Error.OutOfRange(nameof(anchorHeight), anchorHeight, "must leave room for a following block");
        }

        if (anchorBlockHash.IsZero)
        {
            throw Error.Invalid(nameof(anchorBlockHash), "must not be all zero (an unset value).");
        }

        ChainId = chainId;
        DataHash = dataHash;
        ProverPublicKey = proverPublicKey;
        ReplicaRoot = replicaRoot;
        TotalChunks = totalChunks;
        FileLength = fileLength;
        EncodingVersion = encodingVersion;
        WorkFactor = workFactor;
        AnchorHeight = anchorHeight;
        AnchorBlockHash = anchorBlockHash;
        OwnershipCommitment = ComputeOwnership();
        AnchoredCommitment = ComputeAnchored();
    }

    /// <summary>Creates a header, deriving the chain id and the chunk count from the other fields.</summary>
    /// <exception cref="ArgumentException">A field breaks its rule.</exception>
    public static ChainHeader Create(
        Hash32 dataHash,
        ProverPublicKey proverPublicKey,
        Hash32 replicaRoot,
        ulong fileLength,
        byte encodingVersion,
        uint workFactor,
        ulong anchorHeight,
        Hash32 anchorBlockHash) =>
        new(
            Protocol.ChainId.Compute(dataHash, proverPublicKey),
            dataHash,
            proverPublicKey,
            replicaRoot,
            ProtocolConstants.ChunkCount(fileLength),
            fileLength,
            encodingVersion,
            workFactor,
            anchorHeight,
            anchorBlockHash);

    /// <summary>The chain's id: <see cref="Protocol.ChainId"/> of the data hash and prover key.</summary>
    public Hash32 ChainId { get; }

    /// <summary>Hash of the original file (tag "posc/v1/data", length-prefixed, streamed).</summary>
    public Hash32 DataHash { get; }

    /// <summary>The prover holding the replica.</summary>
    public ProverPublicKey ProverPublicKey { get; }

    /// <summary>Merkle root over the replica's leaf hashes, in chunk order.</summary>
    public Hash32 ReplicaRoot { get; }

    /// <summary>Number of 4,096-byte chunks: ceil(<see cref="FileLength"/> / 4096).</summary>
    public ulong TotalChunks { get; }

    /// <summary>Original file length in bytes.</summary>
    public ulong FileLength { get; }

    /// <summary>Version of the prover-specific replica encoding.</summary>
    public byte EncodingVersion { get; }

    /// <summary>Per-chunk work factor of the replica encoding.</summary>
    public uint WorkFactor { get; }

    /// <summary>Height of the layer-1 block the chain is anchored to; its first record is at the next height.</summary>
    public ulong AnchorHeight { get; }

    /// <summary>Hash of the anchor block.</summary>
    public Hash32 AnchorBlockHash { get; }

    /// <summary>Binds the chain id, prover, data, replica root, sizes and encoding parameters.</summary>
    public Hash32 OwnershipCommitment { get; }

    /// <summary>The ownership commitment tied to the anchor block: the chain's genesis previous commitment.</summary>
    public Hash32 AnchoredCommitment { get; }

    /// <summary>Height of the chain's first block record.</summary>
    public ulong FirstHeight => AnchorHeight + 1;

    private Hash32 ComputeOwnership()
    {
        Span<byte> buffer = stackalloc byte[OwnershipInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Ownership);
        writer.WriteHash(ChainId);
        writer.WriteBytes(ProverPublicKey.Bytes);
        writer.WriteHash(DataHash);
        writer.WriteHash(ReplicaRoot);
        writer.WriteUInt64(TotalChunks);
        writer.WriteUInt64(FileLength);
        writer.WriteByte(EncodingVersion);
        writer.WriteUInt32(WorkFactor);
        Debug.Assert(writer.Position == OwnershipInputSize);
        return writer.Hash();
    }

    private Hash32 ComputeAnchored()
    {
        Span<byte> buffer = stackalloc byte[AnchorInputSize];
        ProtocolWriter writer = new(buffer);
        writer.WriteTag(DomainTags.Anchor);
        writer.WriteHash(OwnershipCommitment);
        writer.WriteUInt64(AnchorHeight);
        writer.WriteHash(AnchorBlockHash);
        Debug.Assert(writer.Position == AnchorInputSize);
        return writer.Hash();
    }
}
