// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Protocol;

/// <summary>
/// The outcome of verifying a chain: valid, or the first failure with its height and reason.
/// Counts cover the records verified before the failure (all of them when valid).
/// </summary>
public sealed class ChainVerificationResult
{
    private ChainVerificationResult(
        ChainFailureReason reason,
        int verifiedCommits,
        int gaps,
        ulong headHeight,
        Hash32 headCommitment,
        ulong? failureHeight,
        int? failedRecordIndex,
        string detail)
    {
        Reason = reason;
        VerifiedCommits = verifiedCommits;
        Gaps = gaps;
        HeadHeight = headHeight;
        HeadCommitment = headCommitment;
        FailureHeight = failureHeight;
        FailedRecordIndex = failedRecordIndex;
        Detail = detail;
    }

    /// <summary>True when every record verified.</summary>
    public bool IsValid => Reason == ChainFailureReason.None;

    /// <summary>The first failed check, or <see cref="ChainFailureReason.None"/>.</summary>
    public ChainFailureReason Reason { get; }

    /// <summary>Commit records verified.</summary>
    public int VerifiedCommits { get; }

    /// <summary>Gap records verified (each is a recorded fault).</summary>
    public int Gaps { get; }

    /// <summary>Commit and gap records verified.</summary>
    public int VerifiedRecords => VerifiedCommits + Gaps;

    /// <summary>Height of the last verified record, or the anchor height when none verified.</summary>
    public ulong HeadHeight { get; }

    /// <summary>Commitment of the last verified record, or the anchored commitment when none verified.</summary>
    public Hash32 HeadCommitment { get; }

    /// <summary>The height at which verification failed (for a sequencing failure: the height that is not properly covered).</summary>
    public ulong? FailureHeight { get; }

    /// <summary>Position of the failing record in the input, when the failure is tied to one.</summary>
    public int? FailedRecordIndex { get; }

    /// <summary>Human-readable explanation: empty when valid; otherwise expected and actual values.</summary>
    public string Detail { get; }

    internal static ChainVerificationResult Valid(int commits, int gaps, ulong headHeight, Hash32 headCommitment) =>
        new(ChainFailureReason.None, commits, gaps, headHeight, headCommitment, null, null, string.Empty);

    internal static ChainVerificationResult Failed(
        ChainFailureReason reason,
        int commits,
        int gaps,
        ulong headHeight,
        Hash32 headCommitment,
        ulong failureHeight,
        int recordIndex,
        string detail) =>
        new(reason, commits, gaps, headHeight, headCommitment, failureHeight, recordIndex, detail);

    /// <summary>"valid (n commits, g gaps)" or "reason at height h: detail".</summary>
    public override string ToString() =>
        IsValid
            ? $"valid ({VerifiedCommits} commits, {Gaps} gaps, head height {HeadHeight})"
            : $"{Reason} at height {FailureHeight} (record {FailedRecordIndex}): {Detail}";
}
