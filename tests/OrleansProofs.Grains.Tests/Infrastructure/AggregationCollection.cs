// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Tests.Infrastructure;

/// <summary>The test classes that share one <see cref="AggregationFixture"/>; each uses its own network names and files.</summary>
[CollectionDefinition(Name)]
public sealed class AggregationCollection : ICollectionFixture<AggregationFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Aggregation";
}
