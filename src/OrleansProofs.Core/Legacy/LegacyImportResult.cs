// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Legacy;

/// <summary>Why <see cref="LegacyImporter"/> refused a v1 chain.</summary>
public enum LegacyImportRefusalReason
{
    /// <summary>
    /// <see cref="LegacyChainVerifier"/> found at least one failure (<see cref="LegacyImportResult.Report"/>
    /// holds them; the first is <see cref="LegacyImportRefusal.FirstFailure"/>). A chain with any failure is never imported.
    /// </summary>
    VerificationFailed,

    /// <summary>The original data is shorter than the profile's <c>MinimumFileSizeBytes</c>, so the current protocol would not accept the chain.</summary>
    BelowMinimumFileSize,

    /// <summary>The last verified block hash is all zero, which the current protocol does not accept as an anchor.</summary>
    UnusableAnchor,

    /// <summary>
    /// The <c>.data</c> file's original bytes no longer hash to the <c>data_file_hash</c> that verification
    /// established: the file changed after it was verified (or while it was being encoded).
    /// </summary>
    DataChanged,
}

/// <summary>A refused import: the reason, one line for the operator, and the verifier's first failure when there is one.</summary>
/// <param name="Reason">Why the chain was refused.</param>
/// <param name="Message">One line naming the reason and the figures behind it.</param>
/// <param name="FirstFailure">For <see cref="LegacyImportRefusalReason.VerificationFailed"/>: the report's first failure.</param>
public sealed record LegacyImportRefusal(LegacyImportRefusalReason Reason, string Message, LegacyVerificationFailure? FirstFailure = null)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}

/// <summary>
/// The outcome of <see cref="LegacyImporter"/>: either imported (the new <see cref="ChainHeader"/> and
/// the files written) or refused (<see cref="Refusal"/>; nothing was written). The verification report
/// is there either way.
/// </summary>
public sealed class LegacyImportResult
{
    private LegacyImportResult(
        LegacyVerificationReport report,
        LegacyImportRefusal? refusal,
        ChainHeader? header,
        string? registrationPath,
        string? replicaPath,
        string? leafFilePath)
    {
        Report = report;
        Refusal = refusal;
        Header = header;
        RegistrationPath = registrationPath;
        ReplicaPath = replicaPath;
        LeafFilePath = leafFilePath;
    }

    /// <summary>True when the chain was imported; false when it was refused.</summary>
    [MemberNotNullWhen(true, nameof(Header), nameof(RegistrationPath), nameof(ReplicaPath), nameof(LeafFilePath), nameof(Legacy))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsImported => Refusal is null;

    /// <summary>The verification of the v1 chain (valid whenever the refusal is not <see cref="LegacyImportRefusalReason.VerificationFailed"/>).</summary>
    public LegacyVerificationReport Report { get; }

    /// <summary>Why the chain was refused; null when imported.</summary>
    public LegacyImportRefusal? Refusal { get; }

    /// <summary>
    /// The new chain: data hash of the original bytes, this node's key, the new replica root, the
    /// encoding parameters, anchored at the v1 chain's last verified block. Null when refused.
    /// </summary>
    public ChainHeader? Header { get; }

    /// <summary>Full path of the written <c>chain.json</c>; null when refused.</summary>
    public string? RegistrationPath { get; }

    /// <summary>Full path of the written replica (<c>chain.replica</c>); null when refused.</summary>
    public string? ReplicaPath { get; }

    /// <summary>Full path of the replica's leaf sidecar (<c>chain.replica.leaves</c>); null when refused.</summary>
    public string? LeafFilePath { get; }

    /// <summary>
    /// The v1 figures the import was based on (verified commitments, v1 public key, last verified
    /// block, v1 hashes); null when refused.
    /// </summary>
    public LegacyImportBasis? Legacy => IsImported ? Report.ImportBasis : null;

    internal static LegacyImportResult Refused(LegacyVerificationReport report, LegacyImportRefusalReason reason, string message) =>
        new(report, new LegacyImportRefusal(reason, message, report.FirstFailure), null, null, null, null);

    internal static LegacyImportResult Imported(LegacyVerificationReport report, ChainHeader header, string registrationPath, string replicaPath, string leafFilePath) =>
        new(report, null, header, registrationPath, replicaPath, leafFilePath);
}
