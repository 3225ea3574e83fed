// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// <c>POST /api/chains</c> as <c>multipart/form-data</c>: the <c>file</c> part is streamed (never held in
/// memory) to a unique temporary file in the data folder's <c>uploads</c> folder while its SHA-256 is
/// computed, then renamed to <c>uploads/{sha256}.bin</c> (content-addressed, so the same content
/// uploaded twice is one file and one chain) and registered exactly like JSON <c>{ path }</c>.
/// Optional form fields: <c>retentionPolicy</c> (text) and <c>metadata</c> (a JSON object of strings).
/// The temporary file is deleted on every path out, and the final file too when this request created
/// it and the registration failed.
/// </summary>
internal static class ChainUpload
{
    /// <summary>The form field carrying the data file.</summary>
    public const string FileField = "file";

    /// <summary>The folder, inside the data folder, uploads are stored in.</summary>
    public const string UploadFolder = "uploads";

    private const int CopyBufferSize = 81_920;

    /// <summary>Receives, stores and registers an upload; a problem names the field at fault.</summary>
    public static async Task<IResult> RegisterAsync(HttpRequest request, NodeGrains node)
    {
        GatewayOptions options = node.Options;
        if (string.IsNullOrEmpty(options.DataDirectory))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Content-Type",
                "multipart uploads are not served by this gateway (GatewayOptions.DataDirectory is not set: it does not share the node's data volume); send JSON { \"path\": ... } naming a file already on the node's data volume.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Content-Type",
                $"must be multipart/form-data (with a '{FileField}' part) or application/json; got '{request.ContentType}'.");
        }

        string? boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Problems.BadRequest("Content-Type", "multipart/form-data needs a boundary parameter.");
        }

        // The file plus the small form fields and the multipart framing around them.
        long bodyLimit = options.MaxUploadBytes + options.MaxJsonBodyBytes;
        if (request.ContentLength > bodyLimit)
        {
            return BoundedBody.TooLarge(FileField, "uploads", options.MaxUploadBytes, request.ContentLength);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            // Kestrel's own default (30 MB) would cut larger uploads short with a bare 413.
            serverLimit.MaxRequestBodySize = bodyLimit;
        }

        string folder = Path.Combine(options.DataDirectory, UploadFolder);
        Directory.CreateDirectory(folder);
        UploadForm form = new(Path.Combine(folder, $".upload-{Guid.NewGuid():N}.tmp"));
        try
        {
            if (await ReadFormAsync(request, boundary, options, form) is { } problem)
            {
                return problem;
            }

            if (!form.HasFile)
            {
                return Problems.BadRequest(FileField, "is required: the data file as a multipart part named 'file'.");
            }

            ulong minimum = (await node.IdentityAsync()).Parameters.MinimumFileSizeBytes;
            if (form.Length == 0 || (ulong)form.Length < minimum)
            {
                return Problems.BadRequest(FileField, form.Length == 0
                    ? "is empty; upload the data file's bytes."
                    : $"is {form.Length} bytes; this node's profile registers files of at least {minimum} bytes.");
            }

            string name = Convert.ToHexStringLower(form.Sha256!) + ".bin";
            string final = Path.Combine(folder, name);
            bool created = TryMoveInto(form.TempPath, final);
            (IResult result, bool registered) = await ChainEndpoints.RegisterPathAsync(
                node, UploadFolder + "/" + name, FileField, form.RetentionPolicy, form.Metadata);
            if (!registered && created)
            {
                File.Delete(final);
            }

            return result;
        }
        finally
        {
            File.Delete(form.TempPath);
        }
    }

    /// <summary>Reads every part: the file to <see cref="UploadForm.TempPath"/>, the fields into <paramref name="form"/>; a problem stops.</summary>
    private static async Task<IResult?> ReadFormAsync(HttpRequest request, string boundary, GatewayOptions options, UploadForm form)
    {
        CancellationToken aborted = request.HttpContext.RequestAborted;
        MultipartReader reader = new(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(aborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    return Problems.BadRequest("body", "every multipart part needs 'Content-Disposition: form-data; name=\"…\"'.");
                }

                IResult? problem = name switch
                {
                    FileField => await ReceiveFileAsync(section.Body, options.MaxUploadBytes, form, aborted),
                    "retentionPolicy" or "metadata" => await ReadFieldAsync(section.Body, name, options.MaxJsonBodyBytes, form, request.HttpContext),
                    _ => Problems.BadRequest(name, $"is not a field of a chain upload; the parts are '{FileField}' (required), 'retentionPolicy' and 'metadata'."),
                };
                if (problem is not null)
                {
                    return problem;
                }
            }
        }
        catch (InvalidDataException error)
        {
            return Problems.BadRequest("body", $"is not a well-formed multipart/form-data body ({error.Message})");
        }

        return null;
    }

    /// <summary>Streams the file part to the temporary file, hashing it; more than <paramref name="limit"/> bytes is 413 naming the file.</summary>
    private static async Task<IResult?> ReceiveFileAsync(Stream body, long limit, UploadForm form, CancellationToken aborted)
    {
        if (form.HasFile)
        {
            return Problems.BadRequest(FileField, "appears more than once; upload one file per request.");
        }

        form.HasFile = true;
        using IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        FileStreamOptions create = new() { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        await using (FileStream target = new(form.TempPath, create))
        {
            byte[] buffer = new byte[CopyBufferSize];
            int read;
            while ((read = await body.ReadAsync(buffer, aborted)) > 0)
            {
                form.Length += read;
                if (form.Length > limit)
                {
                    return BoundedBody.TooLarge(FileField, "uploads", limit, declared: null);
                }

                sha256.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), aborted);
            }

            await target.FlushAsync(aborted);
        }

        form.Sha256 = sha256.GetHashAndReset();
        return null;
    }

    /// <summary>Reads a small text field (<c>retentionPolicy</c>, or <c>metadata</c> as JSON) into <paramref name="form"/>.</summary>
    private static async Task<IResult?> ReadFieldAsync(Stream body, string name, int limit, UploadForm form, HttpContext context)
    {
        (byte[]? bytes, IResult? problem) = await BoundedBody.ReadAsync(body, limit, name, "form fields", context.RequestAborted);
        if (bytes is null)
        {
            return problem;
        }

        if (name == "retentionPolicy")
        {
            form.RetentionPolicy = Encoding.UTF8.GetString(bytes).Trim();
            return null;
        }

        (Dictionary<string, string>? metadata, problem) = JsonBody.Parse<Dictionary<string, string>>(bytes, name, context);
        form.Metadata = metadata;
        return problem;
    }

    /// <summary>Renames the temporary file to its content name; false when that file already exists (same content: the temporary copy is dropped).</summary>
    private static bool TryMoveInto(string temporary, string final)
    {
        if (File.Exists(final))
        {
            return false;
        }

        try
        {
            File.Move(temporary, final, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(final))
        {
            // A concurrent upload of the same content stored it first.
            return false;
        }
    }

    /// <summary>What the multipart body carried so far.</summary>
    private sealed class UploadForm(string tempPath)
    {
        /// <summary>The unique temporary file the file part is streamed to.</summary>
        public string TempPath { get; } = tempPath;

        /// <summary>Whether a file part was seen.</summary>
        public bool HasFile { get; set; }

        /// <summary>The file part's length so far, in bytes.</summary>
        public long Length { get; set; }

        /// <summary>SHA-256 of the whole file part, once received.</summary>
        public byte[]? Sha256 { get; set; }

        /// <summary>The retentionPolicy field, if sent.</summary>
        public string? RetentionPolicy { get; set; }

        /// <summary>The metadata field, if sent.</summary>
        public Dictionary<string, string>? Metadata { get; set; }
    }
}
