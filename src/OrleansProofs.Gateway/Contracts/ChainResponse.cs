// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Gateway.Contracts;

/// <summary>
/// The answer of <c>GET /api/chains/{chainId}</c>: state, header fields and the proof window; while
/// the chain is leaving (and after), the removal height, reason and kind, and whether it is archived.
/// </summary>
public sealed record ChainResponse(
    string ChainId,
    string Status,
    string DataHash,
    string ProverPublicKey,
    ulong FileLength,
    ulong TotalChunks,
    string ReplicaRoot,
    byte EncodingVersion,
    uint WorkFactor,
    ulong AnchorHeight,
    string AnchorBlockHash,
    ulong ActivationBlock,
    uint GroupId,
    uint RegionId,
    ulong ChainLength,
    ulong HeadHeight,
    string HeadCommitment,
    ulong Faults,
    string RetentionPolicy,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<CommitmentResponse> Commitments,
    ulong? RemovalHeight,
    string? RemovalReason,
    string? RemovalKind,
    bool Archive)
{
    /// <summary>Maps a registered chain's info.</summary>
    public static ChainResponse From(ChainInfo info, ChainHeader header) =>
        new(
            info.ChainId.ToString(),
            StatusName(info.Status),
            header.DataHash.ToString(),
            header.ProverPublicKey.AsHash32().ToString(),
            header.FileLength,
            header.TotalChunks,
            header.ReplicaRoot.ToString(),
            header.EncodingVersion,
            header.WorkFactor,
            header.AnchorHeight,
            header.AnchorBlockHash.ToString(),
            header.FirstHeight,
            info.GroupId,
            info.RegionId,
            info.ChainLength,
            info.HeadHeight,
            info.HeadCommitment.ToString(),
            info.Faults,
            info.RetentionPolicy,
            info.Metadata,
            [.. info.Window.Select(CommitmentResponse.From)],
            info.Removal?.RemovalHeight,
            info.Removal?.Reason,
            info.Removal is null ? null : info.Removal.Kind == Abstractions.Chains.RemovalKind.Expiry ? "expiry" : "removal",
            info.Archive);

    /// <summary>The API's name of a status: pending, active, removing, removed, expired.</summary>
    public static string StatusName(ChainStatus status) => status switch
    {
        ChainStatus.Pending => "pending",
        ChainStatus.Active => "active",
        ChainStatus.Removing => "removing",
        ChainStatus.Removed => "removed",
        ChainStatus.Expired => "expired",
        _ => "unregistered",
    };
}

/// <summary>One record of a chain's proof window.</summary>
public sealed record CommitmentResponse(
    ulong Height,
    string Kind,
    string BlockHash,
    string PreviousCommitment,
    string Commitment,
    IReadOnlyList<ulong> Indices,
    IReadOnlyList<string> AccessDigests)
{
    /// <summary>Maps a record.</summary>
    public static CommitmentResponse From(ChainRecord record) =>
        new(
            record.Height,
            record.Kind == ChainRecordKind.Gap ? "gap" : "commit",
            record.BlockHash.ToString(),
            record.PreviousCommitment.ToString(),
            record.Commitment.ToString(),
            [.. record.Indices],
            [.. record.AccessDigests.Select(d => d.ToString())]);
}
