// SPDX-License-Identifier: MIT

using System.Text.Json;

namespace OrleansProofs.Gateway.Http;

/// <summary>Reads a JSON request body; a wrong content type is 415 and malformed JSON is 400, each naming the field.</summary>
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

        try
        {
            T? body = await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
            return body is null ? (null, Problems.BadRequest("body", "is required: a JSON object.")) : (body, null);
        }
        catch (JsonException error)
        {
            string field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "body" : error.Path.TrimStart('$', '.');
            return (null, Problems.BadRequest(field, $"is not valid JSON for this field ({error.Message})"));
        }
    }
}
