// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>The test classes that share one <see cref="ClusterFixture"/>; each uses its own network names.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Cluster";
}
