// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core.Challenges;

/// <summary>
/// What became of one availability challenge, as a signed <see cref="AvailabilityReport"/> records it
/// (encoded as one byte; the values never change within protocol version 1). Only
/// <see cref="Passed"/> earns a reward; every other outcome is a failure.
/// </summary>
public enum AvailabilityOutcome : byte
{
    /// <summary>A valid answer arrived within the deadline, as the verifier measured it.</summary>
    Passed = 0,

    /// <summary>A valid answer arrived after the deadline: the bytes were right but too slow (data fetched from elsewhere, or refused service).</summary>
    Late = 1,

    /// <summary>No usable answer: the request failed, timed out, was refused (an HTTP error) or could not be parsed.</summary>
    NoAnswer = 2,

    /// <summary>The chunk's bytes do not lead through the path to the registered replica root (or the path is malformed).</summary>
    WrongChunk = 3,

    /// <summary>The binding does not cover this challenge's nonce and the bytes: a replayed or forged answer.</summary>
    WrongBinding = 4,

    /// <summary>The answer is about another chain or another chunk index than the challenge.</summary>
    WrongTarget = 5,
}

/// <summary>Names and judgement of <see cref="AvailabilityOutcome"/>.</summary>
public static class AvailabilityJudge
{
    /// <summary>The largest defined outcome value (decoders reject anything above it).</summary>
    public const AvailabilityOutcome MaxOutcome = AvailabilityOutcome.WrongTarget;

    /// <summary>
    /// The outcome of a challenge whose answer was checked (<paramref name="check"/>) and whose round
    /// trip the verifier measured: a failed check decides; a valid answer slower than
    /// <paramref name="deadline"/> is <see cref="AvailabilityOutcome.Late"/>.
    /// </summary>
    public static AvailabilityOutcome Judge(AvailabilityCheck check, TimeSpan roundTrip, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Failure switch
        {
            AvailabilityFailure.None => roundTrip <= deadline ? AvailabilityOutcome.Passed : AvailabilityOutcome.Late,
            AvailabilityFailure.WrongBinding => AvailabilityOutcome.WrongBinding,
            AvailabilityFailure.WrongTarget => AvailabilityOutcome.WrongTarget,
            AvailabilityFailure.IndexOutOfRange => AvailabilityOutcome.WrongTarget,
            _ => AvailabilityOutcome.WrongChunk,
        };
    }

    /// <summary>The outcome's wire name (API, metrics): passed, late, no_answer, wrong_chunk, wrong_binding, wrong_target.</summary>
    public static string NameOf(AvailabilityOutcome outcome) => outcome switch
    {
        AvailabilityOutcome.Passed => "passed",
        AvailabilityOutcome.Late => "late",
        AvailabilityOutcome.NoAnswer => "no_answer",
        AvailabilityOutcome.WrongChunk => "wrong_chunk",
        AvailabilityOutcome.WrongBinding => "wrong_binding",
        AvailabilityOutcome.WrongTarget => "wrong_target",
        _ => "unknown",
    };
}
