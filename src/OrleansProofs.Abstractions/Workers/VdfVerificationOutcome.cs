// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Workers;

/// <summary>The verdict on one VDF proof.</summary>
/// <param name="IsValid">True when the proof decoded and verified.</param>
/// <param name="Rejection">
/// Why it failed: "Malformed" when it does not decode, otherwise the name of Core's
/// <c>VdfRejection</c> (for example "SegmentMismatch"); null when valid.
/// </param>
/// <param name="Message">Details of the failure; null when valid.</param>
/// <param name="SegmentsChecked">Segments re-executed.</param>
/// <param name="FailedIndex">The failing segment or checkpoint, when one did.</param>
[GenerateSerializer, Immutable]
[Alias("OrleansProofs.VdfVerificationOutcome")]
public sealed record VdfVerificationOutcome(
    [property: Id(0)] bool IsValid,
    [property: Id(1)] string? Rejection,
    [property: Id(2)] string? Message,
    [property: Id(3)] int SegmentsChecked,
    [property: Id(4)] int? FailedIndex);
