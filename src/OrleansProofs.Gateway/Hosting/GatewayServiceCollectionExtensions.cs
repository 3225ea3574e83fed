// SPDX-License-Identifier: MIT

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Http;
using OrleansProofs.Gateway.Proofs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OrleansProofs HTTP gateway's services.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gateway's services: options, camelCase JSON, RFC 7807 problem details and the OpenAPI
    /// document, and OpenTelemetry (<see cref="GatewayTelemetryServiceCollectionExtensions.AddOrleansProofsTelemetry"/>). The host supplies an <see cref="Orleans.IGrainFactory"/>: a co-hosted silo's, or an Orleans
    /// client's (<c>UseOrleansClient</c>) in a separate gateway process. Idempotent: a second call only adds its configuration.
    /// </summary>
    public static IServiceCollection AddOrleansProofsGateway(this IServiceCollection services, Action<GatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(NodeGrains)))
        {
            return services;
        }

        services.AddOptions<GatewayOptions>();
        services.TryAddSingleton<NodeGrains>();
        services.TryAddSingleton<ProofAssembler>();
        services.TryAddSingleton<NodeProofVerifier>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton<ClusterErrorFilter>();
        services.AddGatewayStatus();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddOpenApi();
        services.AddOrleansProofsTelemetry();
        return services;
    }
}
