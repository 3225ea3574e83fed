// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Core.Legacy;

/// <summary>The last point of a v1 chain that verified: a record, or the anchor when no record verified.</summary>
/// <param name="BlockHeight">The block height of that point.</param>
/// <param name="BlockHash">The block hash of that point.</param>
/// <param name="Commitment">The commitment hash at that point (the anchored commitment for the anchor).</param>
/// <param name="RecordIndex">Zero-based record index, or null for the anchor.</param>
public sealed record LegacyChainTip(ulong BlockHeight, Hash32 BlockHash, Hash32 Commitment, long? RecordIndex);

/// <summary>
/// Everything the import into the current format needs from a fully verified v1 chain. Only
/// produced when every check passed.
/// </summary>
/// <param name="HashChainFilePath">Path of the verified <c>.hashchain</c> file; null when it was verified from a caller's stream.</param>
/// <param name="DataFilePath">Path of the verified <c>.data</c> file (zero-padded to whole chunks).</param>
/// <param name="DataFileLength">Length of the <c>.data</c> file on disk (<c>ChunkCount × 4096</c>).</param>
/// <param name="OriginalLength">Length of the original data (the <c>.data</c> file without the last chunk's padding).</param>
/// <param name="ChunkCount">Number of 4,096-byte chunks.</param>
/// <param name="DataHash">SHA-256 of the original data (v1 <c>data_file_hash</c>, also the v1 file name).</param>
/// <param name="MerkleRoot">The v1 Merkle root.</param>
/// <param name="PublicKey">The prover's public key as stored in the v1 header.</param>
/// <param name="InitialBlockHeight">The anchor height, decoded from either historical encoding.</param>
/// <param name="InitialBlockHash">The anchor block hash.</param>
/// <param name="AnchoredCommitment">The v1 anchored commitment.</param>
/// <param name="CommitmentCount">Number of verified commitment records.</param>
/// <param name="Tip">The last verified point: its height, block hash and commitment.</param>
public sealed record LegacyImportBasis(
    string? HashChainFilePath,
    string DataFilePath,
    long DataFileLength,
    long OriginalLength,
    ulong ChunkCount,
    Hash32 DataHash,
    Hash32 MerkleRoot,
    ProverPublicKey PublicKey,
    ulong InitialBlockHeight,
    Hash32 InitialBlockHash,
    Hash32 AnchoredCommitment,
    long CommitmentCount,
    LegacyChainTip Tip);
