// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Node;

/// <summary>
/// The names the node publishes its telemetry under, shared by the silo (which emits it) and the
/// gateway (which exports it): one place, so an exporter never listens for a misspelt source.
/// </summary>
public static class NodeTelemetry
{
    /// <summary>The <c>System.Diagnostics.Metrics</c> meter of the node's instruments (<c>orleansproofs.*</c>).</summary>
    public const string MeterName = "OrleansProofs";

    /// <summary>The <c>ActivitySource</c> of the node's spans around block processing.</summary>
    public const string ActivitySourceName = "OrleansProofs";

    /// <summary>The meter Orleans publishes its own runtime instruments under (<c>orleans-*</c>).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";
}
