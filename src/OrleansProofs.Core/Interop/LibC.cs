// SPDX-License-Identifier: MIT

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OrleansProofs.Core.Interop;

/// <summary>
/// <c>madvise(MADV_HUGEPAGE)</c> and <c>posix_fadvise(POSIX_FADV_WILLNEED)</c> from the system libc (Linux only).
/// Why madvise: the VDF reads one random
/// 128-byte block of a 256 MiB buffer per iteration, and with 4 KiB pages almost every read also
/// misses the TLB; backing the buffer with 2 MiB pages removes most page walks. Distributions
/// commonly set transparent huge pages to "madvise", so the region has to ask. Best effort: when the
/// call is missing or refused, the buffer works the same with small pages.
/// </summary>
internal static unsafe class LibC
{
    private const int MadvHugePage = 14;
    private const int FadvWillNeed = 3;
    private const long HugePageSize = 2 * 1024 * 1024;

    private static readonly delegate* unmanaged[Cdecl]<void*, nuint, int, int> MadvisePtr;
    private static readonly delegate* unmanaged[Cdecl]<int, long, long, int, int> FadvisePtr;

    static LibC()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (string name in (ReadOnlySpan<string>)["libc.so.6", "libc"])
        {
            if (NativeLibrary.TryLoad(name, out nint handle) && NativeLibrary.TryGetExport(handle, "madvise", out nint madvise))
            {
                MadvisePtr = (delegate* unmanaged[Cdecl]<void*, nuint, int, int>)madvise;
                if (NativeLibrary.TryGetExport(handle, "posix_fadvise", out nint fadvise))
                {
                    FadvisePtr = (delegate* unmanaged[Cdecl]<int, long, long, int, int>)fadvise;
                }

                return;
            }
        }
    }

    /// <summary>
    /// Asks for huge pages over the 2 MiB-aligned interior of a pinned region; returns whether the
    /// kernel accepted. Call before the region is first written.
    /// </summary>
    internal static bool TryAdviseHugePages(void* address, long length)
    {
        if (MadvisePtr == null)
        {
            return false;
        }

        long start = ((long)address + HugePageSize - 1) & ~(HugePageSize - 1);
        long end = ((long)address + length) & ~(HugePageSize - 1);
        return end > start && MadvisePtr((void*)start, (nuint)(end - start), MadvHugePage) == 0;
    }

    /// <summary>
    /// Asks the kernel to start reading the whole file behind <paramref name="file"/> into the page cache
    /// and returns at once (the reads happen in the background); returns whether the kernel accepted.
    /// </summary>
    internal static bool TryAdviseWillNeed(SafeFileHandle file)
    {
        if (FadvisePtr == null)
        {
            return false;
        }

        bool added = false;
        file.DangerousAddRef(ref added);
        try
        {
            // Offset 0 and length 0: the whole file. Returns 0 or an error number (it does not set errno).
            return FadvisePtr(checked((int)file.DangerousGetHandle()), 0, 0, FadvWillNeed) == 0;
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }
}
