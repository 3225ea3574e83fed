// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Gateway.Http;

/// <summary>
/// Admits a request only with <c>Authorization: Bearer {GatewayOptions.AdapterToken}</c>, compared in
/// constant time (over SHA-256 digests, so the length does not leak either); otherwise 401 with
/// <c>WWW-Authenticate: Bearer</c> and a problem naming the Authorization header.
/// </summary>
internal sealed class AdapterTokenFilter(IOptions<GatewayOptions> options) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    /// <inheritdoc/>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        string? expected = options.Value.AdapterToken;
        string? header = context.HttpContext.Request.Headers.Authorization;
        string? reason = string.IsNullOrEmpty(expected) ? "no adapter token is configured on this gateway (GatewayOptions.AdapterToken); block pushes are refused."
            : string.IsNullOrEmpty(header) ? "is required: 'Bearer {adapter token}'."
            : !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? "must use the Bearer scheme."
            : !Matches(header[Scheme.Length..].Trim(), expected) ? "the bearer token is not this gateway's adapter token."
            : null;
        if (reason is null)
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Problems.Of(StatusCodes.Status401Unauthorized, "Authorization", reason);
    }

    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
