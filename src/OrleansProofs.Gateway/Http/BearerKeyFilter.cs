// SPDX-License-Identifier: MIT

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Gateway.Http;

/// <summary>
/// Admits a request only with <c>Authorization: Bearer {key}</c> where the key is the gateway's
/// <see cref="BearerKey"/> of this endpoint, compared in constant time (over SHA-256 digests, so the
/// length does not leak either). Anything else is 401 with <c>WWW-Authenticate: Bearer</c> (plus
/// <c>error="invalid_token"</c> when a token was presented, RFC 6750 §3.1) and a problem naming the
/// Authorization header; the handler does not run, so the body is not read and nothing changes.
/// A wrong key is 401 rather than 403: the gateway has no per-key permissions to be insufficient,
/// only keys it does or does not know. Neither the expected nor the presented key is ever logged.
/// </summary>
internal sealed class BearerKeyFilter(BearerKey key, IOptions<GatewayOptions> options) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    /// <inheritdoc/>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        (string? expected, string name, string setting) = key == BearerKey.Operator
            ? (options.Value.ApiKey, "operator API key", nameof(GatewayOptions.ApiKey))
            : (options.Value.AdapterToken, "adapter token", nameof(GatewayOptions.AdapterToken));
        string? header = context.HttpContext.Request.Headers.Authorization;
        string? presented = header is not null && header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
        string? reason = string.IsNullOrEmpty(expected) ? $"no {name} is configured on this gateway (GatewayOptions.{setting}); the request is refused."
            : string.IsNullOrEmpty(header) ? $"is required: 'Bearer {{{name}}}'."
            : string.IsNullOrEmpty(presented) ? $"must use the Bearer scheme with the {name}: 'Bearer {{{name}}}'."
            : !Matches(presented, expected) ? $"the bearer token is not this gateway's {name}."
            : null;
        if (reason is null)
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = presented is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        return Problems.Of(StatusCodes.Status401Unauthorized, "Authorization", reason);
    }

    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
