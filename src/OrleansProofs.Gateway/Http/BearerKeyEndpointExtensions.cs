// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Gateway.Http;

/// <summary>One line per route to require a credential: <c>.RequireOperatorKey()</c> or <c>.RequireAdapterKey()</c>.</summary>
internal static class BearerKeyEndpointExtensions
{
    /// <summary>Requires the operator's API key (every state change except block pushes); documents the 401 problem.</summary>
    public static RouteHandlerBuilder RequireOperatorKey(this RouteHandlerBuilder builder) => builder.RequireBearerKey(BearerKey.Operator);

    /// <summary>Requires the blockchain adapter's token (block pushes); documents the 401 problem.</summary>
    public static RouteHandlerBuilder RequireAdapterKey(this RouteHandlerBuilder builder) => builder.RequireBearerKey(BearerKey.Adapter);

    private static RouteHandlerBuilder RequireBearerKey(this RouteHandlerBuilder builder, BearerKey key) =>
        builder
            .AddEndpointFilterFactory((context, next) =>
            {
                BearerKeyFilter filter = new(key, context.ApplicationServices.GetRequiredService<IOptions<GatewayOptions>>());
                return invocation => filter.InvokeAsync(invocation, next);
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
