// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// Tests that judge measured round trips against the profile's latency limits (20 ms standard deviation): they run
/// after the parallel tests, one at a time, because on a small machine other tests' silos busying the cores add
/// tens of milliseconds to a loopback round trip, which is the noise these limits are meant to notice.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Timing";
}
