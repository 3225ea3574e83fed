// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Hosting;

/// <summary>Names of the grain storage this node's grains persist to.</summary>
public static class NodeStorage
{
    /// <summary>The grain storage provider every OrleansProofs grain uses; the host registers it (memory, AdoNet…).</summary>
    public const string ProviderName = "posc";
}
