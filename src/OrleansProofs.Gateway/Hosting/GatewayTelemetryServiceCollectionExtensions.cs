// SPDX-License-Identifier: MIT

using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansProofs.Abstractions.Node;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The process's OpenTelemetry: metrics for the Prometheus scrape endpoint (<c>GET /metrics</c>) and,
/// only when an OTLP endpoint is configured, traces. The meters are the node's (when a silo shares the
/// process, as in single-process mode), Orleans' own, ASP.NET Core's and the .NET runtime's; all are
/// built into the framework or Orleans, so listening to them needs no instrumentation package.
/// </summary>
public static class GatewayTelemetryServiceCollectionExtensions
{
    /// <summary>The standard OpenTelemetry variable naming the collector; traces are exported only when it is set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The <c>service.name</c> resource attribute (Prometheus' <c>target_info</c>, the traces' service).</summary>
    public const string ServiceName = "orleansproofs";

    /// <summary>Meters exported besides the node's and Orleans': request and connection metrics of ASP.NET Core and Kestrel, and the runtime's GC, thread-pool and CPU figures.</summary>
    internal static IReadOnlyList<string> FrameworkMeters { get; } =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing", "System.Runtime"];

    /// <summary>
    /// Adds OpenTelemetry metrics with the Prometheus exporter and, when <see cref="OtlpEndpointVariable"/>
    /// is set, tracing of the node's spans with the OTLP exporter (which reads the <c>OTEL_EXPORTER_OTLP_*</c>
    /// variables itself). Without the variable no trace exporter exists, so nothing is ever sent anywhere.
    /// </summary>
    public static IServiceCollection AddOrleansProofsTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        OpenTelemetryBuilder telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(NodeTelemetry.MeterName, NodeTelemetry.OrleansMeterName)
                .AddMeter([.. FrameworkMeters])
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable)))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(NodeTelemetry.ActivitySourceName)
                .AddOtlpExporter());
        }

        return services;
    }
}
