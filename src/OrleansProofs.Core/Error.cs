// SPDX-License-Identifier: MIT

namespace OrleansProofs.Core;

/// <summary>
/// Throw helpers that return exceptions, so call sites read <c>throw Error.X(...)</c> and every
/// message names the parameter, the rule and the value that broke it.
/// </summary>
internal static class Error
{
    internal static ArgumentException WrongLength(string paramName, int expected, int actual) =>
        new($"'{paramName}' must be exactly {expected} bytes; got {actual}.", paramName);

    internal static ArgumentException TooShort(string paramName, int minimum, int actual) =>
        new($"'{paramName}' must be at least {minimum} bytes; got {actual}.", paramName);

    internal static ArgumentException TooLong(string paramName, long maximum, long actual) =>
        new($"'{paramName}' must be at most {maximum} bytes; got {actual}.", paramName);

    internal static ArgumentOutOfRangeException OutOfRange(string paramName, object actual, string rule) =>
        new(paramName, actual, $"'{paramName}' {rule}; got {actual}.");

    internal static ArgumentException Invalid(string paramName, string reason) =>
        new($"'{paramName}' is invalid: {reason}", paramName);
}
