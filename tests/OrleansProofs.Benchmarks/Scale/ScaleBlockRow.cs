// SPDX-License-Identifier: MIT

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>
/// One driven block as measured by the runner: the wall time of the ingress call, the ingress's own
/// phase timings (chain commits = fan-out with every chain's read, hash and durable commit; hierarchy;
/// signing; the rest = the block record's durable write), the chains covered, and process figures.
/// </summary>
public sealed record ScaleBlockRow(
    ulong Height,
    double WallSeconds,
    double CommitSeconds,
    double HierarchySeconds,
    double SignSeconds,
    double RecordSeconds,
    ulong Chains,
    ulong Faults,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    long BytesWritten);
