// SPDX-License-Identifier: MIT


namespace OrleansProofs.Gateway.Tests.Infrastructure;

/// <summary>The test classes sharing one <see cref="ClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Cluster";
}
