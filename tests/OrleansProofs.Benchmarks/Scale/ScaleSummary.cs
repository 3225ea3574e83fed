// SPDX-License-Identifier: MIT

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>A run's summary: the JSON the issue asks for (chains, blocks, p50/p95 block seconds, peak working set, registration seconds) and the phase medians.</summary>
public sealed record ScaleSummary(
    int Chains,
    int Blocks,
    string Profile,
    string Storage,
    int FileSizeBytes,
    double RegistrationSeconds,
    double P50BlockSeconds,
    double P95BlockSeconds,
    double P50CommitSeconds,
    double P50HierarchySeconds,
    double P50RecordSeconds,
    double P50MillisecondsPerChain,
    long PeakWorkingSetBytes,
    long P50ManagedHeapBytes,
    long P50BytesWrittenPerBlock,
    long DatabaseBytes,
    int ProcessorCount,
    double? VdfIterationsPerSecond = null,
    double? VdfIterationsPerSecondAlone = null,
    double? VdfIterationsPerSecondWhileCommitting = null,
    long? VdfBufferBytes = null)
{
    public static ScaleSummary From(ScaleOptions options, double registrationSeconds, IReadOnlyList<ScaleBlockRow> rows, long peakWorkingSet, long databaseBytes)
    {
        double p50 = Percentile(rows.Select(r => r.WallSeconds), 0.50);
        return new ScaleSummary(
            options.Chains,
            rows.Count,
            options.Profile,
            options.Storage,
            options.FileSize,
            registrationSeconds,
            p50,
            Percentile(rows.Select(r => r.WallSeconds), 0.95),
            Percentile(rows.Select(r => r.CommitSeconds), 0.50),
            Percentile(rows.Select(r => r.HierarchySeconds), 0.50),
            Percentile(rows.Select(r => r.RecordSeconds), 0.50),
            p50 * 1000 / options.Chains,
            peakWorkingSet,
            (long)Percentile(rows.Select(r => (double)r.ManagedHeapBytes), 0.50),
            (long)Percentile(rows.Select(r => (double)r.BytesWritten), 0.50),
            databaseBytes,
            Environment.ProcessorCount);
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double fraction)
    {
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return 0;
        }

        int rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
