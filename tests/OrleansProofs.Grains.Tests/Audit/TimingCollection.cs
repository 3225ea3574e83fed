// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Tests.Audit;

/// <summary>
/// Tests that judge measured round trips against the profile's limits (the 500 ms availability deadline, the
/// latency average and its 20 ms standard deviation): they run after the parallel tests, one at a time, because
/// on a small machine other tests' silos busying the cores add tens to hundreds of milliseconds to a loopback
/// round trip, which is the noise these limits are meant to notice (an honest prover once missed 3 of 50
/// availability deadlines with the whole suite running beside it).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Timing";
}
