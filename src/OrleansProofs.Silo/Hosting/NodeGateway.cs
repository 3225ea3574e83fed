// SPDX-License-Identifier: MIT

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansProofs.Gateway.Hosting;

namespace OrleansProofs.Silo.Hosting;

/// <summary>
/// The HTTP API co-hosted with the silo: Kestrel on <c>urls</c>, the gateway over the silo's own
/// grain factory, serving the block source's network, with the operator API key from
/// <c>OrleansProofs:Gateway:ApiKey</c> (<c>--api-key</c>) or else the data folder's <see cref="BearerKeyFile.OperatorKeyFileName"/>,
/// and the adapter token from <c>OrleansProofs:Gateway:AdapterToken</c> or else <see cref="BearerKeyFile.AdapterTokenFileName"/>.
/// </summary>
public static class NodeGateway
{
    /// <summary>The address the API listens on when <c>urls</c> is not set.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Adds Kestrel, routing and the gateway's services to <paramref name="builder"/> (the silo is added by <see cref="NodeHost"/>).</summary>
    public static void Add(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string? urls = builder.Configuration["urls"];
        builder.WebHost.UseKestrelCore().UseUrls(string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls);
        builder.Services.AddRouting();
        IConfiguration section = builder.Configuration.GetSection(NodeHost.GatewaySection);
        builder.Services.AddOrleansProofsGateway(options => section.Bind(options));
        builder.Services.AddSingleton<IConfigureOptions<GatewayOptions>, NodeGatewayOptionsSetup>();
        builder.Services.AddSingleton<IConfigureOptions<Gateway.Status.ReadinessOptions>, NodeReadinessOptionsSetup>();
        builder.Services.AddHostedService<NodeGatewayAnnouncer>();
    }
}
