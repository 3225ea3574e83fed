// SPDX-License-Identifier: MIT

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace OrleansProofs.Gateway.Http;

/// <summary>
/// RFC 7807 problem documents: every error names the <c>field</c> at fault and the <c>reason</c>, as
/// extension members next to the standard type, title, status and detail.
/// </summary>
internal static partial class Problems
{
    /// <summary>A problem with <paramref name="status"/> naming <paramref name="field"/> and <paramref name="reason"/>.</summary>
    public static IResult Of(int status, string field, string reason) =>
        TypedResults.Problem(
            detail: $"{field}: {reason}",
            statusCode: status,
            title: ReasonPhrases.GetReasonPhrase(status),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["reason"] = reason });

    /// <summary>400: the field's value is malformed or breaks a rule.</summary>
    public static IResult BadRequest(string field, string reason) => Of(StatusCodes.Status400BadRequest, field, reason);

    /// <summary>404: what the field names does not exist (here).</summary>
    public static IResult NotFound(string field, string reason) => Of(StatusCodes.Status404NotFound, field, reason);

    /// <summary>409: the request conflicts with recorded state.</summary>
    public static IResult Conflict(string field, string reason) => Of(StatusCodes.Status409Conflict, field, reason);

    /// <summary>The message of an exception that crossed a grain call, without the "(Parameter 'x')" suffix.</summary>
    public static string ReasonOf(Exception error) => ParameterSuffix().Replace(error.Message, string.Empty);

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)\s*$")]
    private static partial Regex ParameterSuffix();
}
