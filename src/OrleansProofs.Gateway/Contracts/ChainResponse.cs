// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Gateway.Contracts;

/// <summary>The answer of <c>GET /api/chains/{chainId}</c>: state, header fields and the proof window.</summary>
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
    IReadOnlyList<CommitmentResponse> Commitments)
{
    /// <summary>Maps a registered chain's info.</summary>
    public static ChainResponse From(ChainInfo info, ChainHeader header) =>
        new(
            info.ChainId.ToString(),
            info.Status == ChainStatus.Active ? "active" : "pending",
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
            [.. info.Window.Select(CommitmentResponse.From)]);
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
