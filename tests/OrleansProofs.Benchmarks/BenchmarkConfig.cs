// SPDX-License-Identifier: MIT

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Jobs;

namespace OrleansProofs.Benchmarks;

/// <summary>
/// Workstation, non-concurrent GC so allocation counts are deterministic; memory diagnoser on.
/// Ratios against the baseline of the same run are what the docs report (the machine is shared).
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        // A short, fixed job: this 2-core machine is shared and noisy, so results are read as ratios
        // against the baseline of the same run, not as absolute times.
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithGcServer(false)
            .WithGcConcurrent(false)
            .WithRuntime(CoreRuntime.Core10_0));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray());
        AddExporter(DefaultConfig.Instance.GetExporters().ToArray());
    }
}
