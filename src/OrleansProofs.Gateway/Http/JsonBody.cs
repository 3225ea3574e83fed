// SPDX-License-Identifier: MIT

using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Gateway.Http;

/// <summary>
/// Reads a JSON request body of at most <see cref="GatewayOptions.MaxJsonBodyBytes"/>: a wrong content
/// type is 415, a larger body 413 and malformed JSON 400, each naming the field.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or a problem.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, string contentHint)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Content-Type",
                $"must be application/json; got '{request.ContentType ?? "none"}'. {contentHint}"));
        }

        int limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxJsonBodyBytes;
        (byte[]? bytes, IResult? tooLarge) = await BoundedBody.ReadAsync(request, limit, "body", "JSON bodies");
        if (bytes is null)
        {
            return (null, tooLarge);
        }

        return Parse<T>(bytes, "body", request.HttpContext);
    }

    /// <summary>
    /// Parses <paramref name="utf8"/> as <typeparamref name="T"/>; a failure is a 400 naming the JSON member, prefixed by
    /// <paramref name="field"/> unless that is the whole body ("body"), or <paramref name="field"/> itself.
    /// </summary>
    public static (T? Body, IResult? Problem) Parse<T>(ReadOnlySpan<byte> utf8, string field, HttpContext context)
        where T : class
    {
        // The host's HTTP JSON options, as ReadFromJsonAsync would use them (camelCase, case-insensitive).
        JsonSerializerOptions options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            T? body = utf8.IsEmpty ? null : JsonSerializer.Deserialize<T>(utf8, options);
            return body is null ? (null, Problems.BadRequest(field, "is required: a JSON object.")) : (body, null);
        }
        catch (JsonException error)
        {
            string path = error.Path?.TrimStart('$', '.') ?? string.Empty;
            string member = path.Length == 0 ? field : field == "body" ? path : $"{field}.{path}";
            return (null, Problems.BadRequest(member, $"is not valid JSON for this field ({error.Message})"));
        }
    }
}
