// SPDX-License-Identifier: MIT

namespace OrleansProofs.Gateway.Http;

/// <summary>Reads a small request body (or multipart section) whole, refusing more than a limit with a 413 problem.</summary>
internal static class BoundedBody
{
    /// <summary>The whole request body, at most <paramref name="limit"/> bytes; a declared or actual larger body is 413 naming <paramref name="field"/>.</summary>
    public static Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, int limit, string field, string what) =>
        request.ContentLength > limit
            ? Task.FromResult<(byte[]?, IResult?)>((null, TooLarge(field, what, limit, request.ContentLength)))
            : ReadAsync(request.Body, limit, field, what, request.HttpContext.RequestAborted);

    /// <summary>All of <paramref name="stream"/>, at most <paramref name="limit"/> bytes; more is 413 naming <paramref name="field"/>.</summary>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(Stream stream, int limit, string field, string what, CancellationToken cancellationToken)
    {
        using MemoryStream buffer = new();
        byte[] chunk = new byte[Math.Min(limit + 1, 16 * 1024)];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(field, what, limit, declared: null));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>413 naming <paramref name="field"/>.</summary>
    public static IResult TooLarge(string field, string what, long limit, long? declared) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, field,
            $"{(declared is { } length ? $"is {length} bytes" : $"exceeds {limit} bytes")}; this gateway reads {what} of at most {limit} bytes.");
}
