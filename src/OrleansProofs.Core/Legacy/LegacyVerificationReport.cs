// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;

namespace OrleansProofs.Core.Legacy;

/// <summary>
/// The outcome of <see cref="LegacyChainVerifier"/>: how many commitments verified, every failure up
/// to a cap (the first one always kept), and — when everything verified — what an import needs.
/// </summary>
public sealed class LegacyVerificationReport
{
    internal LegacyVerificationReport(
        IReadOnlyList<LegacyVerificationFailure> failures,
        long totalFailures,
        long recordsRead,
        long verifiedCommitments,
        LegacyChainTip? lastVerified,
        LegacyImportBasis? importBasis)
    {
        Failures = failures;
        TotalFailures = totalFailures;
        RecordsRead = recordsRead;
        VerifiedCommitments = verifiedCommitments;
        LastVerified = lastVerified;
        ImportBasis = importBasis;
    }

    /// <summary>True when every check passed; <see cref="ImportBasis"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(ImportBasis))]
    [MemberNotNullWhen(false, nameof(FirstFailure))]
    public bool IsValid => TotalFailures == 0;

    /// <summary>
    /// Number of commitment records that verified, counted from the first: a record counts when it
    /// and every record before it passed all record checks and every file-level check (header,
    /// data file, Merkle root, anchor) passed. Zero when any file-level check failed.
    /// </summary>
    public long VerifiedCommitments { get; }

    /// <summary>Number of records read from the file (parsing stops at the first format error).</summary>
    public long RecordsRead { get; }

    /// <summary>The first failure found, or null when valid.</summary>
    public LegacyVerificationFailure? FirstFailure => Failures.Count > 0 ? Failures[0] : null;

    /// <summary>The failures found, in the order checked, up to the cap given to the verifier.</summary>
    public IReadOnlyList<LegacyVerificationFailure> Failures { get; }

    /// <summary>All failures found, including those beyond the cap.</summary>
    public long TotalFailures { get; }

    /// <summary>True when failures were left out of <see cref="Failures"/> because of the cap.</summary>
    public bool FailuresTruncated => TotalFailures > Failures.Count;

    /// <summary>
    /// The last verified point of the chain (the last of <see cref="VerifiedCommitments"/>, or the
    /// anchor when none): null when the file-level checks failed, so nothing is anchored.
    /// </summary>
    public LegacyChainTip? LastVerified { get; }

    /// <summary>What an import into the current format needs; set only when <see cref="IsValid"/>.</summary>
    public LegacyImportBasis? ImportBasis { get; }
}
