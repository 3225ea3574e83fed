// SPDX-License-Identifier: MIT

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansProofs.Testing;

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// A dishonest prover's front: an HTTP server on loopback that forwards every request to the real prover
/// gateway and lets a test rewrite challenge requests and any response on the way — how a cheating prover
/// would replay answers, answer for another chunk, or publish tampered block records.
/// </summary>
internal sealed class TamperingFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private TamperingFront(WebApplication app, HttpClient upstream, Uri address)
    {
        _app = app;
        _upstream = upstream;
        Address = address;
    }

    /// <summary>Where the front listens.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Starts a front for <paramref name="target"/>. <paramref name="rewrite"/> gets the request path, the request body
    /// (null for GET), and a function that sends a (possibly changed) body upstream and returns the prover's answer;
    /// it returns the body to answer with, or null to answer 404.
    /// </summary>
    public static async Task<TamperingFront> StartAsync(Uri target, Func<string, string?, Func<string?, Task<string>>, Task<string?>> rewrite)
    {
        Uri address = new($"http://127.0.0.1:{LoopbackPorts.Reserve()}/");

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        HttpClient upstream = new() { BaseAddress = target };
        app.Run(async context =>
        {
            string pathAndQuery = context.Request.Path + context.Request.QueryString;
            string? body = null;
            if (HttpMethods.IsPost(context.Request.Method))
            {
                using StreamReader reader = new(context.Request.Body);
                body = await reader.ReadToEndAsync();
            }

            HttpStatusCode status = HttpStatusCode.OK;
            string? contentType = null;
            byte[]? binary = null;
            async Task<string> SendAsync(string? sent)
            {
                using HttpRequestMessage request = new(new HttpMethod(context.Request.Method), pathAndQuery.TrimStart('/'));
                foreach (string accept in context.Request.Headers.Accept.Where(a => a is not null).Cast<string>())
                {
                    request.Headers.TryAddWithoutValidation("Accept", accept);
                }

                if (sent is not null)
                {
                    request.Content = new StringContent(sent, System.Text.Encoding.UTF8, "application/json");
                }

                using HttpResponseMessage response = await upstream.SendAsync(request);
                status = response.StatusCode;
                contentType = response.Content.Headers.ContentType?.ToString();
                foreach (string name in new[] { "X-Proof-Height" })
                {
                    if (response.Headers.TryGetValues(name, out IEnumerable<string>? values))
                    {
                        context.Response.Headers[name] = values.First();
                    }
                }

                if (contentType?.StartsWith("application/octet-stream", StringComparison.Ordinal) == true)
                {
                    binary = await response.Content.ReadAsByteArrayAsync();
                    return string.Empty;
                }

                return await response.Content.ReadAsStringAsync();
            }

            string? answer = await rewrite(context.Request.Path.ToString(), body, SendAsync);
            if (answer is null)
            {
                // The front withholds the answer: the prover claims to have nothing there.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.StatusCode = (int)status;
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            if (binary is not null)
            {
                await context.Response.Body.WriteAsync(binary);
            }
            else
            {
                await context.Response.WriteAsync(answer);
            }
        });
        await app.StartAsync();
        return new TamperingFront(app, upstream, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
