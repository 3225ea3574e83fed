// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;

namespace OrleansProofs.Core.Vdf;

/// <summary>Why a VDF proof, checkpoint chain or descent was rejected.</summary>
public enum VdfRejection
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>The buffer size is not the one the policy requires.</summary>
    WrongBufferSize,

    /// <summary>Fewer iterations than the policy requires.</summary>
    TooFewIterations,

    /// <summary>A segment is longer than the policy lets a verifier re-execute.</summary>
    SegmentTooLong,

    /// <summary>A signature does not verify under the prover's public key.</summary>
    BadSignature,

    /// <summary>Re-executing a sampled segment did not reach the claimed end state.</summary>
    SegmentMismatch,

    /// <summary>The structure is inconsistent (order, links, counters, absorption positions).</summary>
    Inconsistent,
}

/// <summary>
/// The outcome of a VDF verification: accepted, or rejected with a <see cref="VdfRejection"/>, the
/// failing segment or checkpoint where there is one, and a message for logs and the API.
/// </summary>
public sealed class VdfVerificationResult
{
    private VdfVerificationResult(VdfRejection reason, int segmentsChecked, int? failedIndex, string? message)
    {
        Reason = reason;
        SegmentsChecked = segmentsChecked;
        FailedIndex = failedIndex;
        Message = message;
    }

    /// <summary>Why it was rejected, or <see cref="VdfRejection.None"/>.</summary>
    public VdfRejection Reason { get; }

    /// <summary>True when accepted.</summary>
    [MemberNotNullWhen(false, nameof(Message))]
    public bool IsValid => Reason == VdfRejection.None;

    /// <summary>How many segments were re-executed.</summary>
    public int SegmentsChecked { get; }

    /// <summary>The segment (or checkpoint) index that failed, when the failure has one.</summary>
    public int? FailedIndex { get; }

    /// <summary>A human-readable reason; null when accepted.</summary>
    public string? Message { get; }

    internal static VdfVerificationResult Valid(int segmentsChecked) => new(VdfRejection.None, segmentsChecked, null, null);

    internal static VdfVerificationResult Fail(VdfRejection reason, string message, int? failedIndex = null, int segmentsChecked = 0) =>
        new(reason, segmentsChecked, failedIndex, message);

    /// <inheritdoc/>
    public override string ToString() => IsValid ? $"valid ({SegmentsChecked} segment(s) re-executed)" : $"{Reason}: {Message}";
}
