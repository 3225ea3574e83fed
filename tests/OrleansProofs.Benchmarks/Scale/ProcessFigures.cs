// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Globalization;

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>This process's working set, peak working set and bytes written (Linux /proc/self/io; 0 where unavailable).</summary>
internal static class ProcessFigures
{
    public static long WorkingSet()
    {
        using Process self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    public static long PeakWorkingSet()
    {
        using Process self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    /// <summary>
    /// Bytes of the managed heap at the last garbage collection (live objects plus fragmentation), to tell
    /// what the grains hold from what the runtime keeps committed.
    /// </summary>
    public static long ManagedHeap() => GC.GetGCMemoryInfo().HeapSizeBytes;

    /// <summary>
    /// Bytes this process caused to be written to storage ("write_bytes"), or, where the kernel does not
    /// account that, bytes passed to write calls ("wchar"); 0 off Linux.
    /// </summary>
    public static long BytesWritten()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
        {
            return 0;
        }

        long writeBytes = 0;
        long writeCalls = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
            {
                writeBytes = long.Parse(line.AsSpan("write_bytes:".Length).Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("wchar:", StringComparison.Ordinal))
            {
                writeCalls = long.Parse(line.AsSpan("wchar:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        return writeBytes > 0 ? writeBytes : writeCalls;
    }
}
