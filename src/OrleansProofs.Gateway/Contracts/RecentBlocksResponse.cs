// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The answer of <c>GET /api/blocks?last=N</c>: the latest retained blocks, oldest first.</summary>
/// <param name="Network">The network served.</param>
/// <param name="ProverPublicKey">The node key every signature was checked against.</param>
/// <param name="Blocks">At most N block summaries, ascending by height (fewer when fewer are retained).</param>
public sealed record RecentBlocksResponse(string Network, string ProverPublicKey, IReadOnlyList<BlockSummaryResponse> Blocks);

/// <summary>One recorded block, with its signature checked by the gateway and where its time went.</summary>
/// <param name="Height">Layer-1 height.</param>
/// <param name="BlockHash">Layer-1 block hash.</param>
/// <param name="Timestamp">The block's timestamp, Unix seconds.</param>
/// <param name="GlobalRoot">The block's global root.</param>
/// <param name="TotalChains">Chains the block covered (processed).</param>
/// <param name="Faults">Covered chains that recorded a gap at this block.</param>
/// <param name="SignatureValid">Whether the record carries the node key's Ed25519 signature over its attestation.</param>
/// <param name="Timings">Where the block's processing time went, in milliseconds.</param>
public sealed record BlockSummaryResponse(
    ulong Height,
    string BlockHash,
    ulong Timestamp,
    string GlobalRoot,
    ulong TotalChains,
    ulong Faults,
    bool SignatureValid,
    BlockTimingsResponse Timings)
{
    /// <summary>Maps a block record and the result of its signature check.</summary>
    public static BlockSummaryResponse From(BlockRecord record, bool signatureValid) =>
        new(
            record.Height,
            record.BlockHash.ToString(),
            record.Timestamp,
            record.GlobalRoot.ToString(),
            record.TotalChains,
            record.Faults,
            signatureValid,
            new BlockTimingsResponse(
                record.Timings.Commit.TotalMilliseconds,
                record.Timings.Hierarchy.TotalMilliseconds,
                record.Timings.Sign.TotalMilliseconds,
                record.Timings.Total.TotalMilliseconds));
}
