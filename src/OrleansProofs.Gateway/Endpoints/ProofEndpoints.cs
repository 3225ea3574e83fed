// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Gateway.Contracts;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;
using OrleansProofs.Gateway.Proofs;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary><c>GET /api/chains/{chainId}/proofs/{format}</c> and <c>POST /api/proofs/verify</c>.</summary>
internal static class ProofEndpoints
{
    private const string OctetStream = "application/octet-stream";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/chains/{chainId}/proofs/{format}", GetAsync)
            .WithName("GetProof")
            .WithSummary("Builds a proof (ultra-compact needs nonce); binary by default, JSON with Accept: application/json.")
            .Produces(StatusCodes.Status200OK, contentType: OctetStream)
            .Produces<ProofResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/proofs/verify", VerifyAsync)
            .WithName("VerifyProof")
            .WithSummary("Verifies a binary proof (format query) against this node's key, profile and recorded blocks.")
            .Produces<VerifyResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<IResult> GetAsync(string chainId, string format, string? height, string? nonce, HttpRequest request, ProofAssembler assembler)
    {
        if (!TryFormat(format, out ProofFormat proofFormat, out IResult? problem)
            || !Inputs.TryHash(chainId, "chainId", out Hash32 id, out problem)
            || !Inputs.TryHeight(height, "height", out ulong? at, out problem)
            || !TryNonce(proofFormat, nonce, out AuditorNonce auditorNonce, out problem))
        {
            return problem;
        }

        (ProofSource? source, IResult? missing) = await assembler.LoadAsync(id, at);
        if (source is null)
        {
            return missing!;
        }

        byte[] encoded = await assembler.EncodeAsync(source, proofFormat, auditorNonce);
        if (WantsJson(request))
        {
            return TypedResults.Ok(ProofResponse.From(proofFormat, id, source.Height, encoded));
        }

        request.HttpContext.Response.Headers["X-Proof-Height"] = source.Height.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(encoded, OctetStream, $"{id}-{source.Height}.{proofFormat.ToName()}.proof");
    }

    private static async Task<IResult> VerifyAsync(string? format, string? chainId, string? nonce, HttpRequest request, NodeProofVerifier verifier, NodeGrains node)
    {
        if (!TryFormat(format, out ProofFormat proofFormat, out IResult? problem))
        {
            return problem;
        }

        Hash32? expected = null;
        if (chainId is not null || proofFormat == ProofFormat.UltraCompact)
        {
            if (!Inputs.TryHash(chainId, "chainId", out Hash32 id, out problem))
            {
                return problem;
            }

            expected = id;
        }

        if (!TryNonce(proofFormat, nonce, out AuditorNonce auditorNonce, out problem))
        {
            return problem;
        }

        (byte[]? body, IResult? bodyProblem) = await ReadBodyAsync(request, node.Options.MaxProofBytes);
        if (body is null)
        {
            return bodyProblem!;
        }

        if (proofFormat != ProofFormat.UltraCompact)
        {
            return TypedResults.Ok(await verifier.VerifyAsync(proofFormat, body, expected));
        }

        return await verifier.VerifyUltraCompactAsync(body, expected!.Value, auditorNonce) is { } response
            ? TypedResults.Ok(response)
            : Problems.NotFound("chainId", $"no chain {expected} is registered on this node; an ultra-compact claim is checked against the chain's registration and records.");
    }

    private static bool TryFormat(string? text, out ProofFormat format, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        problem = ProofFormatNames.TryParse(text, out format)
            ? null
            : Problems.BadRequest("format", text is null
                ? $"is required: one of {string.Join(", ", ProofFormatNames.All)}."
                : $"unknown proof format '{text}'; expected one of {string.Join(", ", ProofFormatNames.All)}.");
        return problem is null;
    }

    /// <summary>The auditor nonce: required (24 hex) for ultra-compact, refused for the other formats.</summary>
    private static bool TryNonce(ProofFormat format, string? text, out AuditorNonce nonce, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        nonce = AuditorNonce.None;
        problem = null;
        if (format != ProofFormat.UltraCompact)
        {
            if (text is not null)
            {
                problem = Problems.BadRequest("nonce", $"applies only to ultra-compact claims; the {format.ToName()} format takes none.");
            }

            return problem is null;
        }

        if (text is null || text.Length != 2 * AuditorNonce.Size || !text.All(Uri.IsHexDigit))
        {
            problem = Problems.BadRequest("nonce", text is null
                ? $"is required for ultra-compact claims: the auditor's nonce, {2 * AuditorNonce.Size} hexadecimal characters."
                : $"must be {2 * AuditorNonce.Size} hexadecimal characters (12 bytes); got '{text}'.");
            return false;
        }

        nonce = AuditorNonce.Parse(text);
        return true;
    }

    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the whole body, at most <paramref name="limit"/> bytes.</summary>
    private static async Task<(byte[]? Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "body", $"is {request.ContentLength} bytes; this gateway verifies proofs of at most {limit} bytes."));
        }

        using MemoryStream buffer = new();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "body", $"exceeds {limit} bytes; this gateway verifies proofs of at most {limit} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? (null, Problems.BadRequest("body", "is empty; send the binary proof as application/octet-stream."))
            : (buffer.ToArray(), null);
    }
}
