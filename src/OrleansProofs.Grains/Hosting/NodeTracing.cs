// SPDX-License-Identifier: MIT

using System.Diagnostics;
using OrleansProofs.Abstractions.Node;

namespace OrleansProofs.Grains.Hosting;

/// <summary>
/// The node's spans (source <see cref="NodeTelemetry.ActivitySourceName"/>): one per block at the
/// ingress, one per region and one per group of the block, each tagged with the network and height
/// so a block's spans can be found together. They are not parented across grain calls: that needs
/// Orleans' own grain-call spans (<c>AddActivityPropagation</c>), one per chain commit (100,000 per
/// block on a large node), which the node leaves off. <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null, at no cost, while nothing listens.
/// </summary>
internal static class NodeTracing
{
    /// <summary>The source (static, as ActivitySource is meant to be: listeners subscribe by name).</summary>
    public static ActivitySource Source { get; } = new(NodeTelemetry.ActivitySourceName, NodeMetrics.Version);

    /// <summary>Span tag: the network (ingress key).</summary>
    public const string NetworkTag = "orleansproofs.network";

    /// <summary>Span tag: the block height.</summary>
    public const string HeightTag = "orleansproofs.block.height";

    /// <summary>Span tag: chains the block (or region, or group) covers.</summary>
    public const string ChainsTag = "orleansproofs.block.chains";

    /// <summary>Span tag: the announcement's outcome at the ingress.</summary>
    public const string OutcomeTag = "orleansproofs.block.outcome";

    /// <summary>Starts a span about one block of <paramref name="network"/>, or returns null when nothing listens.</summary>
    public static Activity? StartBlock(string name, string network, ulong height)
    {
        Activity? activity = Source.StartActivity(name, ActivityKind.Internal);
        activity?.SetTag(NetworkTag, network);
        activity?.SetTag(HeightTag, height);
        return activity;
    }

    /// <summary>Marks <paramref name="activity"/> failed with the exception's type and message.</summary>
    public static void Fail(Activity? activity, Exception error)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        activity?.AddException(error);
    }
}
