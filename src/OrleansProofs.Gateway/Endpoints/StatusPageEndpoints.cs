// SPDX-License-Identifier: MIT

using OrleansProofs.Gateway.Http;
using OrleansProofs.Gateway.Status;

namespace OrleansProofs.Gateway.Endpoints;

/// <summary>
/// The operator's status page: <c>GET /</c> (HTML) and its script and style sheet under <c>/status/</c>,
/// served from the gateway assembly. The page reads only this gateway's own API (a content security
/// policy forbids anything else) and polls it to stay live.
/// </summary>
internal static class StatusPageEndpoints
{
    /// <summary>Same-origin only: no external script, style, font, image or connection, no framing.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) => Serve(context, "index.html"))
            .WithName("StatusPage")
            .ExcludeFromDescription();
        endpoints.MapGet("/status/{file}", (string file, HttpContext context) => Serve(context, file))
            .WithName("StatusPageAsset")
            .ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext context, string name)
    {
        if (StatusPageAssets.Find(name) is not { } asset || name == "index.html" && context.Request.Path != "/")
        {
            return Problems.NotFound("file", $"the status page has no file '{name}'.");
        }

        IHeaderDictionary headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}
