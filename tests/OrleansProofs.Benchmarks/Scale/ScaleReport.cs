// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text.Json;

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>The runner's printed table and JSON file.</summary>
internal static class ScaleReport
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public const string Header = "height   total s  commit s  hierarchy s  sign s  record s   chains  faults  working set MiB  heap MiB  written KiB";

    public static string Line(ScaleBlockRow row) => string.Create(CultureInfo.InvariantCulture,
        $"{row.Height,6}  {row.WallSeconds,8:F3}  {row.CommitSeconds,8:F3}  {row.HierarchySeconds,11:F3}  {row.SignSeconds,6:F4}  {row.RecordSeconds,8:F3}  {row.Chains,7:N0}  {row.Faults,6}  {row.WorkingSetBytes / 1048576.0,15:F0}  {row.ManagedHeapBytes / 1048576.0,8:F0}  {row.BytesWritten / 1024.0,11:N0}");

    public static string Summary(ScaleSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"""
        summary: {s.Chains:N0} chains, {s.Blocks} blocks, profile {s.Profile}, {s.Storage}
          registration   {s.RegistrationSeconds:F1} s ({s.Chains / s.RegistrationSeconds:N0} chains/s)
          block p50      {s.P50BlockSeconds:F3} s  (commit {s.P50CommitSeconds:F3} s, hierarchy {s.P50HierarchySeconds:F3} s, record {s.P50RecordSeconds:F3} s); {s.P50MillisecondsPerChain:F4} ms per chain
          block p95      {s.P95BlockSeconds:F3} s
          peak working   {s.PeakWorkingSetBytes / 1048576.0:F0} MiB (managed heap after a block: p50 {s.P50ManagedHeapBytes / 1048576.0:F0} MiB)
          written/block  {s.P50BytesWrittenPerBlock / 1024.0:N0} KiB (p50); database {s.DatabaseBytes / 1048576.0:F1} MiB
        """) + Vdf(s);

    private static string Vdf(ScaleSummary s) => s.VdfIterationsPerSecond is not { } rate || s.VdfIterationsPerSecondAlone is not { } alone || alone <= 0
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture,
            $"\n  vdf            {s.VdfBufferBytes / 1048576.0:F0} MiB buffer: {alone:N0} it/s alone; {rate:N0} it/s over the block loop ({rate / alone:P0} of alone); {s.VdfIterationsPerSecondWhileCommitting:N0} it/s while blocks commit ({s.VdfIterationsPerSecondWhileCommitting / alone:P0}); target 375,000 it/s");

    public static void WriteJson(string path, ScaleSummary summary, IReadOnlyList<ScaleBlockRow> rows)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(new { summary.Chains, summary.Blocks, summary.P50BlockSeconds, summary.P95BlockSeconds, summary.PeakWorkingSetBytes, summary.RegistrationSeconds, summary.VdfIterationsPerSecond, summary, rows }, Json));
    }
}
