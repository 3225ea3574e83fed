// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansProofs.Gateway.Status;

namespace OrleansProofs.Gateway.Hosting;

/// <summary>Registers what <c>GET /health</c> and the status page need: the readiness probe, its options and the clock.</summary>
internal static class GatewayStatusServiceCollectionExtensions
{
    /// <summary>Adds the readiness probe (validated <see cref="ReadinessOptions"/>, <see cref="TimeProvider.System"/> unless the host set a clock).</summary>
    public static IServiceCollection AddGatewayStatus(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReadinessProbe>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReadinessOptions>, ReadinessOptionsValidator>());
        services.AddOptions<ReadinessOptions>().ValidateOnStart();
        return services;
    }
}
