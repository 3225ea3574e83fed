// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Blocks;

namespace OrleansProofs.Gateway.Contracts;

/// <summary>A recorded block: the signed attestation's fields, the signer, the hierarchy roots and timings.</summary>
public sealed record BlockResponse(
    ulong Height,
    string BlockHash,
    ulong Timestamp,
    string? Beacon,
    string PreviousGlobalRoot,
    string GlobalRoot,
    ulong TotalChains,
    ulong Faults,
    ulong VdfIterations,
    string VdfState,
    string ProverPublicKey,
    string Signature,
    IReadOnlyList<LevelRootResponse> Groups,
    IReadOnlyList<LevelRootResponse> Regions,
    BlockTimingsResponse Timings)
{
    /// <summary>Maps a block record.</summary>
    public static BlockResponse From(BlockRecord record) =>
        new(
            record.Height,
            record.BlockHash.ToString(),
            record.Timestamp,
            record.Beacon?.ToString(),
            record.PreviousGlobalRoot.ToString(),
            record.GlobalRoot.ToString(),
            record.TotalChains,
            record.Faults,
            record.VdfIterations,
            record.VdfState.ToString(),
            record.ProverPublicKey.ToString(),
            Convert.ToHexStringLower(record.Signature.AsSpan()),
            [.. record.Groups.Select(g => new LevelRootResponse(g.Id, g.Root.ToString()))],
            [.. record.Regions.Select(r => new LevelRootResponse(r.Id, r.Root.ToString()))],
            new BlockTimingsResponse(
                record.Timings.Commit.TotalMilliseconds,
                record.Timings.Hierarchy.TotalMilliseconds,
                record.Timings.Sign.TotalMilliseconds,
                record.Timings.Total.TotalMilliseconds));
}

/// <summary>One group's or region's root.</summary>
public sealed record LevelRootResponse(uint Id, string Root);

/// <summary>Where a block's time went, in milliseconds (informational; never trusted by a verifier).</summary>
public sealed record BlockTimingsResponse(double CommitMs, double HierarchyMs, double SignMs, double TotalMs);

/// <summary>The answer of <c>POST /api/blocks</c>: "recorded" (201) or "duplicate" (200), with the record.</summary>
public sealed record BlockPushResponse(string Outcome, BlockResponse Block);
